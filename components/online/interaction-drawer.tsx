import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDate } from "@/components/ui/format-date";
import { linkClass } from "@/components/ui/styles";
import type { getInteraction } from "@/lib/services/interactions/read";
import { AddFeedbackForm } from "./add-feedback-form";

type Detail = Awaited<ReturnType<typeof getInteraction>>;

/** One interaction beside the table: messages, completion(s), metadata and feedback, with "add feedback". */
export function InteractionDrawer({
  detail,
  closeHref,
  projectKey,
  keys,
  canRate,
}: {
  detail: Detail;
  closeHref: string;
  projectKey: string;
  keys: { key: string; kind: "bool" | "scalar" }[];
  canRate: boolean;
}) {
  const meta: [string, string][] = [
    ["Completion id", detail.id],
    ["Use case", detail.use_case],
    ["Model", detail.model],
    ["Source", detail.source],
    ["Created", formatDate(detail.created_at)],
    [
      "Latency",
      detail.latency_ms === null ? "—" : `${detail.latency_ms} ms${detail.ttft_ms !== null ? ` (first token ${detail.ttft_ms} ms)` : ""}`,
    ],
    ["Tokens", `${detail.tokens_in} in / ${detail.tokens_out} out`],
    ["Cost", `$${detail.cost.toFixed(6)}`],
    ["User", detail.user ?? "—"],
    [
      "Labels",
      Object.entries(detail.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(", ") || "—",
    ],
  ];
  return (
    <aside
      aria-labelledby="interaction-title"
      className="space-y-4 rounded-lg border border-gray-300 bg-white p-5 shadow-lg dark:border-gray-700 dark:bg-gray-900"
    >
      <div className="flex items-start justify-between gap-4">
        <h2 id="interaction-title" className="text-lg font-semibold">
          Interaction
        </h2>
        <Link className={linkClass} href={closeHref}>
          Close
        </Link>
      </div>
      {detail.status === "error" ? <Badge tone="red">{`error ${detail.error_status ?? ""}: ${detail.error ?? ""}`}</Badge> : null}
      <section aria-label="Messages" className="space-y-2">
        <h3 className="text-sm font-semibold">Messages</h3>
        {(detail.messages ?? []).map((m, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a stored conversation never changes order
          <div key={i} className="rounded border border-gray-200 p-2 text-sm dark:border-gray-700">
            <div className="text-xs font-semibold text-gray-700 dark:text-gray-300">{m.role}</div>
            <p className="whitespace-pre-wrap">{m.content}</p>
          </div>
        ))}
      </section>
      <section aria-label="Completion" className="space-y-2">
        <h3 className="text-sm font-semibold">Completion{detail.completions.length > 1 ? "s" : ""}</h3>
        {(detail.completions.length ? detail.completions : [detail.completion ?? ""]).map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: choices are ordered by index
          <p key={i} className="whitespace-pre-wrap rounded bg-gray-50 p-2 text-sm dark:bg-gray-800">
            {c || "—"}
          </p>
        ))}
      </section>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        {meta.map(([k, v]) => (
          <div key={k} className="contents">
            <dt className="font-medium text-gray-700 dark:text-gray-300">{k}</dt>
            <dd className="break-all font-mono text-xs leading-5">{v}</dd>
          </div>
        ))}
      </dl>
      {detail.attempts.length ? (
        <p className="text-sm">Fell back after: {detail.attempts.map((a) => `${a.model_key} (${a.status ?? a.error})`).join(", ")}</p>
      ) : null}
      <section aria-label="Feedback" className="space-y-2">
        <h3 className="text-sm font-semibold">Feedback</h3>
        {detail.feedback.length ? (
          <ul className="space-y-1 text-sm" data-testid="interaction-feedback">
            {detail.feedback.map((f, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: feedback is listed newest first and not edited
              <li key={i}>
                <span className="font-mono">{f.feedback_key}</span> = {f.value}
                {f.user ? ` by ${f.user}` : ""} {f.details ? `— ${f.details}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-gray-700 dark:text-gray-300">No feedback yet.</p>
        )}
        {detail.preferences.length ? (
          <p className="text-sm">
            {detail.preferences
              .map((p) => `${p.feedback_key}: ${p.tied ? "tied" : p.preferred ? "preferred" : "not preferred"}`)
              .join("; ")}
          </p>
        ) : null}
        {canRate ? <AddFeedbackForm projectKey={projectKey} completionId={detail.id} keys={keys} /> : null}
      </section>
    </aside>
  );
}
