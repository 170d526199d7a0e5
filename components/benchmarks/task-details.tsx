import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { getTask } from "@/lib/services/benchmarks/read";
import { ChoiceList } from "./prompt-view";

type Task = Awaited<ReturnType<typeof getTask>>;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2 sm:grid-cols-4 sm:gap-4">
      <dt className="text-sm font-medium text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="min-w-0 break-words text-sm text-gray-900 sm:col-span-3 dark:text-gray-100">{children}</dd>
    </div>
  );
}

const Json = ({ value }: { value: unknown }) => (
  <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-gray-100 p-2 font-mono text-xs dark:bg-gray-800">
    {JSON.stringify(value, null, 2)}
  </pre>
);

function Texts({ values }: { values: string[] }) {
  return (
    <ul className="list-disc space-y-1 pl-5">
      {values.map((v) => (
        <li key={v} className="whitespace-pre-wrap">
          {v}
        </li>
      ))}
    </ul>
  );
}

export function TaskDetails({ task: t }: { task: Task }) {
  const truth = t.truth;
  return (
    <dl className="divide-y divide-gray-200 dark:divide-gray-800">
      <Row label="Type">
        <Badge>{t.type}</Badge>
      </Row>
      <Row label="Truth">
        {typeof truth === "string" ? (
          <span className="whitespace-pre-wrap">{truth}</span>
        ) : Array.isArray(truth) && truth.every((x) => typeof x === "string") ? (
          <Texts values={truth as string[]} />
        ) : (
          <Json value={truth} />
        )}
      </Row>
      {t.model_sees.choices?.length ? (
        <Row label="Choices (as shown with seed 0)">
          <ChoiceList choices={t.model_sees.choices} />
        </Row>
      ) : null}
      {t.examples ? (
        <Row label="Examples">
          <p className="font-medium">Should match</p>
          <Texts values={t.examples.positive} />
          <p className="mt-2 font-medium">Should not match</p>
          <Texts values={t.examples.negative} />
        </Row>
      ) : null}
      {t.json_schema || t.json_schema_ref ? (
        <Row label="JSON schema">{t.json_schema ? <Json value={t.json_schema} /> : <code>{t.json_schema_ref}</code>}</Row>
      ) : null}
      {t.paraphrases?.length ? (
        <Row label="Question paraphrases (admins only)">
          <Texts values={t.paraphrases} />
        </Row>
      ) : null}
      {t.answer_paraphrases?.length ? (
        <Row label="Answer paraphrases (admins only)">
          <Texts values={t.answer_paraphrases} />
        </Row>
      ) : null}
      <Row label="Subset">{t.subset ?? "—"}</Row>
      <Row label="Tags">{t.tags.length ? t.tags.join(", ") : "—"}</Row>
      <Row label="Redacted">{t.redacted ? <Badge tone="amber">Redacted</Badge> : "No"}</Row>
      <Row label="Metadata">{Object.keys(t.metadata).length ? <Json value={t.metadata} /> : "—"}</Row>
      <Row label="Task key">
        <code className="font-mono text-xs">{t.task_key}</code>
      </Row>
    </dl>
  );
}
