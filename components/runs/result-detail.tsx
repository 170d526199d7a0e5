import type { ReactNode } from "react";
import { PromptView } from "@/components/benchmarks/prompt-view";
import { TaskDetails } from "@/components/benchmarks/task-details";
import { Section } from "@/components/ui/card";
import type { ResultDetail } from "@/lib/services/runs/result-detail";
import { formatCost, formatInt } from "./format";
import { JsonDetails, preClass } from "./json-details";
import { Outcome } from "./result-table";
import { displayText, ScorerTable } from "./scorer-table";

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="mt-0.5 text-sm tabular-nums text-gray-900 dark:text-gray-100">{children}</dd>
    </div>
  );
}

/** Everything about one result: what the model received and answered, how each scorer judged it, and what it cost. */
export function ResultDetailView({ result: r }: { result: ResultDetail }) {
  return (
    <div className="space-y-6">
      <Section title="Outcome">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Item label="Outcome">
            <Outcome result={r} />
          </Item>
          <Item label="Primary score">{r.score == null ? "—" : r.score.toFixed(2)}</Item>
          <Item label="Subset">{r.subset ?? "—"}</Item>
          <Item label="Attempts">{formatInt(r.attempts)}</Item>
          <Item label="Latency">{r.latency_ms == null ? "—" : `${formatInt(r.latency_ms)} ms`}</Item>
          <Item label="Tokens in / out">
            {formatInt(r.tokens_in)} / {formatInt(r.tokens_out)}
            {r.tokens_estimated ? ` (estimated, ${r.tokens_estimated})` : ""}
          </Item>
          <Item label="Cost">{formatCost(r.cost)}</Item>
          <Item label="Task key">
            <code className="break-all font-mono text-xs">{r.task_key}</code>
          </Item>
        </dl>
        {r.error ? (
          <div
            role="alert"
            className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100"
          >
            <p className="font-semibold">{r.error_kind ? `Error (${r.error_kind})` : "Error"}</p>
            <p className="mt-1 whitespace-pre-wrap break-words">{r.error}</p>
          </div>
        ) : null}
      </Section>
      <Section title="What the model received" description="The exact messages sent for this result.">
        <PromptView messages={r.messages} />
      </Section>
      <Section title="Answer">
        <div className="grid gap-4 lg:grid-cols-2">
          <div className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold">Raw answer</h3>
            <pre className={preClass}>{r.response_text ?? "—"}</pre>
          </div>
          <div className="min-w-0">
            <h3 className="mb-1 text-sm font-semibold">Parsed answer</h3>
            <pre className={preClass}>{displayText(r.parsed)}</pre>
          </div>
        </div>
      </Section>
      <Section title="Scorers" description="Every scorer's result; a judge's rationale is its explanation.">
        {Object.keys(r.scores).length === 0 ? (
          <p className="text-sm text-gray-700 dark:text-gray-300">This result was not scored.</p>
        ) : (
          <ScorerTable scores={r.scores} caption="Scorer results" />
        )}
      </Section>
      <Section title="Task and truth">
        {r.task ? (
          <TaskDetails task={r.task} />
        ) : (
          <p className="text-sm text-gray-700 dark:text-gray-300">
            The benchmark is no longer visible to this project, so its task is not shown.
          </p>
        )}
      </Section>
      <Section title="Raw request and response">
        <JsonDetails summary="Request (parameters and messages)" value={{ ...(r.request_params as object), messages: r.messages }} />
        <JsonDetails summary="Raw response" value={r.raw_response} />
      </Section>
    </div>
  );
}
