import { PromptView } from "@/components/benchmarks/prompt-view";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import type { ComparedTask } from "@/lib/services/reports/compare-task";
import { formatMean, letter } from "./format";

type Sample = ComparedTask["runs"][number]["samples"][number];

const text = (v: unknown) => (v === null || v === undefined ? "—" : typeof v === "string" ? v : JSON.stringify(v, null, 2));
const pre = "max-h-80 overflow-auto whitespace-pre-wrap break-words rounded bg-gray-100 p-2 font-mono text-xs dark:bg-gray-800";

/** Stored messages as the prompt view expects them; multi-part contents are shown as JSON. */
function messagesOf(sample: Sample | undefined) {
  const list = Array.isArray(sample?.messages) ? (sample.messages as { role?: unknown; content?: unknown }[]) : [];
  return list.map((m) => ({ role: String(m.role ?? ""), content: text(m.content) }));
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
      <pre className={pre}>{sample.response ?? sample.error ?? "—"}</pre>
      <H className="text-sm font-medium">Parsed answer</H>
      <pre className={pre}>{text(sample.parsed)}</pre>
      {scorers.length > 0 ? (
        <Table caption={`Scorers, ${caption}`}>
          <thead>
            <tr>
              <Th>Scorer</Th>
              <Th>Value</Th>
              <Th>Explanation</Th>
            </tr>
          </thead>
          <tbody>
            {scorers.map(([name, s]) => (
              <Tr key={name}>
                <Td className="font-mono text-xs">{name}</Td>
                <Td>{typeof s.pass === "boolean" ? (s.pass ? "pass" : "fail") : text(s.value)}</Td>
                <Td className="max-w-xs whitespace-pre-wrap break-words">{s.explanation ?? "—"}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </div>
  );
}

/** The task, the prompt as the baseline sent it, then each run's answers and scores in its own column. */
export function SideBySide({ data }: { data: ComparedTask }) {
  const baseMessages = messagesOf(data.runs[0]?.samples[0]);
  return (
    <div className="space-y-6">
      <Section title={`Task ${data.position}`} description={data.task ? `${data.task.type} · key ${data.task.task_key} · subset ${data.task.subset ?? "none"}` : "The benchmark is no longer available; the answers are."}>
        {data.task ? (
          <>
            <h3 className="text-sm font-medium">Truth</h3>
            <pre className={pre}>{text(data.task.truth)}</pre>
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
              {samples.length === 0 ? <p className="text-sm text-gray-700 dark:text-gray-300">This run has no result for this task.</p> : null}
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
                  {samples.length > 1 ? <h3 className="text-sm font-semibold">Sample {s.sample + 1}</h3> : null}
                  <SampleView sample={s} nested={samples.length > 1} caption={`${letter(i)}${samples.length > 1 ? `, sample ${s.sample + 1}` : ""}`} />
                </div>
              ))}
            </Section>
          );
        })}
      </div>
    </div>
  );
}
