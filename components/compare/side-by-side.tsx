import { PromptView } from "@/components/benchmarks/prompt-view";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { preClass } from "@/components/runs/json-details";
import { displayText, ScorerTable } from "@/components/runs/scorer-table";
import type { ComparedTask } from "@/lib/services/reports/compare-task";
import { formatMean, letter } from "./format";

type Sample = ComparedTask["runs"][number]["samples"][number];

/** Stored messages as the prompt view expects them; multi-part contents are shown as JSON. */
function messagesOf(sample: Sample | undefined) {
  const list = Array.isArray(sample?.messages) ? (sample.messages as { role?: unknown; content?: unknown }[]) : [];
  return list.map((m) => ({ role: String(m.role ?? ""), content: displayText(m.content) }));
}

function SampleView({ sample, caption, nested }: { sample: Sample; caption: string; nested: boolean }) {
  // Under a "Sample n" heading when a run has several samples; directly under the run's heading otherwise.
  const H = nested ? "h4" : "h3";
  const scorers = Object.entries(sample.scores ?? {});
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {sample.status === "ok" ? null : <Badge tone="red">{sample.status}</Badge>}
        {sample.passed === null ? null : sample.passed ? <Badge tone="green">Pass</Badge> : <Badge tone="red">Fail</Badge>}
        <span className="tabular-nums">Score {formatMean(sample.score, false)}</span>
        {sample.latencyMs === null ? null : <span className="tabular-nums text-gray-700 dark:text-gray-300">{sample.latencyMs} ms</span>}
      </p>
      <H className="text-sm font-medium">Raw answer</H>
      <pre className={preClass}>{sample.response ?? sample.error ?? "—"}</pre>
      <H className="text-sm font-medium">Parsed answer</H>
      <pre className={preClass}>{displayText(sample.parsed)}</pre>
      {scorers.length > 0 ? <ScorerTable scores={sample.scores ?? {}} caption={`Scorers, ${caption}`} /> : null}
    </div>
  );
}

/** The task, the prompt as the baseline sent it, then each run's answers and scores in its own column. */
export function SideBySide({ data }: { data: ComparedTask }) {
  const baseMessages = messagesOf(data.runs[0]?.samples[0]);
  return (
    <div className="space-y-6">
      <Section
        title={`Task ${data.position}`}
        description={
          data.task
            ? `${data.task.type} · key ${data.task.task_key} · subset ${data.task.subset ?? "none"}`
            : "The benchmark is no longer available; the answers are."
        }
      >
        {data.task ? (
          <>
            <h3 className="text-sm font-medium">Truth</h3>
            <pre className={preClass}>{displayText(data.task.truth)}</pre>
          </>
        ) : null}
        {baseMessages.length > 0 ? (
          <>
            <h3 className="text-sm font-medium">Prompt (as run A sent it)</h3>
            <PromptView messages={baseMessages} />
          </>
        ) : null}
      </Section>
      <div className={`grid gap-6 ${data.runs.length > 1 ? "lg:grid-cols-2" : ""}`}>
        {data.runs.map(({ run, samples }, i) => {
          const messages = messagesOf(samples[0]);
          const differs = i > 0 && JSON.stringify(messages) !== JSON.stringify(baseMessages);
          return (
            <Section key={run.id} title={`${letter(i)}: ${run.label}`}>
              {samples.length === 0 ? (
                <p className="text-sm text-gray-700 dark:text-gray-300">This run has no result for this task.</p>
              ) : null}
              {differs && messages.length > 0 ? (
                <details>
                  <summary className="cursor-pointer text-sm font-medium">This run sent a different prompt</summary>
                  <div className="mt-2">
                    <PromptView messages={messages} />
                  </div>
                </details>
              ) : null}
              {samples.map((s) => (
                <div key={s.sample} className="space-y-2">
                  {samples.length > 1 ? <h3 className="text-sm font-semibold">Sample {s.sample}</h3> : null}
                  <SampleView
                    sample={s}
                    nested={samples.length > 1}
                    caption={`${letter(i)}${samples.length > 1 ? `, sample ${s.sample}` : ""}`}
                  />
                </div>
              ))}
            </Section>
          );
        })}
      </div>
    </div>
  );
}
