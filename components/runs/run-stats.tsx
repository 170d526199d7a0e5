import { Section } from "@/components/ui/card";
import { formatCost, formatInt } from "./format";
import type { RunSummary } from "./types";

type Stats = NonNullable<RunSummary["stats"]>;
const s = (v: number | null | undefined) => (v == null ? "—" : `${v.toFixed(2)} s`);
const chars = (v: number | null | undefined) => (v == null ? "—" : formatInt(Math.round(v)));

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between gap-4 border-b border-gray-200 py-1.5 last:border-0 dark:border-gray-800">
      <dt className="text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="tabular-nums text-gray-900 dark:text-gray-100">{value}</dd>
    </div>
  );
}

export function RunStatsView({ stats }: { stats: Stats }) {
  const t = stats.secondsPerTask;
  const r = stats.responseLength;
  return (
    <Section title="Run statistics">
      <div className="grid gap-6 text-sm md:grid-cols-3">
        <dl aria-label="Tasks and calls">
          <Row label="Tasks to complete" value={formatInt(stats.tasksToComplete)} />
          <Row label="Tasks answered" value={formatInt(stats.tasksAnswered)} />
          <Row label="Answered correctly" value={formatInt(stats.answeredCorrectly)} />
          <Row label="Endpoint calls" value={formatInt(stats.endpointCalls)} />
          <Row label="Endpoint failures" value={formatInt(stats.endpointFailures)} />
        </dl>
        <dl aria-label="Tokens and cost">
          <Row label="Characters sent / received" value={`${formatInt(stats.charsSent)} / ${formatInt(stats.charsReceived)}`} />
          <Row label="Tokens sent / received" value={`${formatInt(stats.tokensSent)} / ${formatInt(stats.tokensReceived)}`} />
          <Row label="Cost" value={formatCost(stats.cost)} />
          <Row label="Response length (min / max)" value={r ? `${chars(r.min)} / ${chars(r.max)}` : "—"} />
          <Row label="Response length (mean / median)" value={r ? `${chars(r.mean)} / ${chars(r.median)}` : "—"} />
        </dl>
        <dl aria-label="Seconds per task">
          <Row label="Seconds per task: median" value={s(t?.median)} />
          <Row label="Mean" value={s(t?.mean)} />
          <Row label="Standard deviation" value={s(t?.std)} />
          <Row label="Min" value={s(t?.min)} />
          <Row label="Max" value={s(t?.max)} />
        </dl>
      </div>
    </Section>
  );
}
