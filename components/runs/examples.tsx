import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { linkClass } from "@/components/ui/styles";
import type { Example } from "@/lib/services/runs/examples";
import { excerpt } from "./format";
import { resultHref } from "./links";
import { SubsetTable } from "./run-summary";
import type { ScorerSummary } from "./types";

function ExampleList({ title, examples, href }: { title: string; examples: Example[]; href: (e: Example) => string }) {
  return (
    <div className="min-w-0 space-y-2">
      <h3 className="font-semibold">{title}</h3>
      <ul className="space-y-3">
        {examples.map((e) => (
          <li key={`${e.position}-${e.sample}`} className="rounded-md border border-gray-200 p-3 text-sm dark:border-gray-800">
            <p className="flex flex-wrap items-center gap-2">
              <Link className={linkClass} href={href(e)}>
                Task {e.position}
                {e.sample > 0 ? `, sample ${e.sample}` : ""}
              </Link>
              {e.passed === null ? (
                <span className="tabular-nums">score {e.score?.toFixed(2)}</span>
              ) : e.passed ? (
                <Badge tone="green">Pass</Badge>
              ) : (
                <Badge tone="red">Fail</Badge>
              )}
              {e.subset ? <span className="text-gray-700 dark:text-gray-300">{e.subset}</span> : null}
            </p>
            <pre className="mt-1 whitespace-pre-wrap break-words font-mono text-xs text-gray-900 dark:text-gray-100">
              {excerpt(e.response_text, 240)}
            </pre>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Equistamp's top and worst examples by the primary score, and the subsets where the model scored lowest. */
export function ExamplesView({
  projectKey,
  runId,
  best,
  worst,
  hardest,
  percent,
}: {
  projectKey: string;
  runId: string;
  best: Example[];
  worst: Example[];
  hardest: ScorerSummary["by_subset"];
  percent: boolean;
}) {
  if (best.length === 0 && worst.length === 0 && hardest.length === 0) return null;
  const href = (e: Example) => resultHref(projectKey, runId, e);
  return (
    <Section
      title="Examples and hardest subsets"
      description="Highest- and lowest-scoring answers by the primary scorer; subsets by their primary score, lowest first."
    >
      {best.length > 0 || worst.length > 0 ? (
        <div className="grid gap-6 md:grid-cols-2">
          <ExampleList title="Best examples" examples={best} href={href} />
          <ExampleList title="Worst examples" examples={worst} href={href} />
        </div>
      ) : null}
      {hardest.length > 0 ? <SubsetTable caption="Hardest subsets" rows={hardest} percent={percent} /> : null}
    </Section>
  );
}
