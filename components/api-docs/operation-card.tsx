import { Badge } from "@/components/ui/badge";
import type { DocOperation } from "@/lib/openapi/operations";
import { TryIt } from "./try-it";

const methodTone = { GET: "blue", POST: "green", PUT: "amber", PATCH: "amber", DELETE: "red" } as const;

/** One operation: method and path, what it does and who may call it, its parameters, body, responses and a try-it form. */
export function OperationCard({ op }: { op: DocOperation }) {
  return (
    <article
      id={op.id}
      aria-labelledby={`${op.id}-title`}
      className="rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <h3 id={`${op.id}-title`} className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={methodTone[op.method as keyof typeof methodTone] ?? "gray"}>{op.method}</Badge>
        <code className="font-mono font-semibold">{op.path}</code>
        <span className="text-gray-800 dark:text-gray-200">{op.summary}</span>
      </h3>
      <p className="mt-2 whitespace-pre-line text-sm text-gray-700 dark:text-gray-300">{op.description}</p>
      {op.parameters.length ? (
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          {op.parameters.map((p) => (
            <div key={`${p.in}:${p.name}`} className="contents">
              <dt className="font-mono">
                {p.name}
                {p.required ? <span className="sr-only"> (required)</span> : null}
                {p.required ? <span aria-hidden="true">*</span> : null}
              </dt>
              <dd className="text-gray-700 dark:text-gray-300">
                {p.in} · {p.type}
                {p.description ? ` — ${p.description}` : ""}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {op.bodyTypes.length ? <p className="mt-3 text-sm">Body: {op.bodyTypes.join(", ")}</p> : null}
      {op.bodySchema ? (
        <details className="mt-1 text-sm">
          <summary className="cursor-pointer">JSON body schema</summary>
          <pre className="mt-1 max-h-80 overflow-auto rounded bg-gray-50 p-3 text-xs dark:bg-gray-950">{op.bodySchema}</pre>
        </details>
      ) : null}
      <p className="mt-3 text-sm">
        Responses: {op.responses.map((r) => `${r.status}${r.types.length ? ` (${r.types.join(", ")})` : ""}`).join(" · ")}
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium">Try it</summary>
        <TryIt op={op} />
      </details>
    </article>
  );
}
