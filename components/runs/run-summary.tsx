import { ScoreBars } from "@/components/charts/score-bars";
import { Section } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatInterval, formatScore, formatValue, isProportion } from "./format";
import { type Aggregate, type RunSummary, type ScorerSummary, scorerNames } from "./types";

const termClass = "text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300";
const finite = (a: Aggregate) => a.value !== null && Number.isFinite(a.value);

const AGGREGATION_LABELS = { accuracy: "Accuracy", mean: "Mean", weighted_mean: "Weighted mean", median: "Median" } as const;

/** The aggregations a scorer asked for beyond its main score: weighted mean, median, categorical shares. */
function ChosenAggregations({ aggregations, main }: { aggregations: ScorerSummary["aggregations"]; main: string }) {
  if (!aggregations) return null;
  const numeric = (Object.keys(AGGREGATION_LABELS) as (keyof typeof AGGREGATION_LABELS)[]).flatMap((kind) => {
    const a = aggregations[kind]?.overall;
    // The main score (accuracy or mean) is already shown above it.
    return a && !(a.method === main && (kind === "accuracy" || kind === "mean")) ? [{ kind, a }] : [];
  });
  const categories = aggregations.categorical?.overall.categories ?? [];
  return (
    <>
      {numeric.map(({ kind, a }) => (
        <dd key={kind} className="mt-1 text-sm tabular-nums text-gray-700 dark:text-gray-300">
          {AGGREGATION_LABELS[kind]} ({a.method}): {formatScore(a)}
          {kind === "weighted_mean" && aggregations.weighted_mean?.unweighted
            ? ` · ${aggregations.weighted_mean.unweighted} without a weight`
            : ""}
        </dd>
      ))}
      {categories.length > 0 ? (
        <dd className="mt-1 text-sm tabular-nums text-gray-700 dark:text-gray-300">
          {categories
            .slice(0, 8)
            .map((c) => `${c.category}: ${formatScore({ value: c.proportion, ci: c.ci, n: c.count, method: "wilson" }, true)}`)
            .join(" · ")}
        </dd>
      ) : null}
    </>
  );
}

/** Each scorer's overall score with its 95% interval (and the cluster-robust one when tasks fall into subsets). */
export function ScoreOverview({ summary }: { summary: RunSummary }) {
  const names = scorerNames(summary);
  if (names.length === 0) return <Section title="Scores" description="No result was scored." />;
  return (
    <Section title="Scores" description="Overall, with 95% intervals; clustered by subset when tasks fall into subsets (Miller 2024).">
      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {names.map((name) => {
          const s = summary.scorers[name] as ScorerSummary;
          return (
            <div key={name} className="rounded-md border border-gray-200 p-3 dark:border-gray-800">
              <dt className={termClass}>
                {name}
                {name === summary.primary_scorer ? " (primary)" : ""} · {s.overall.method}
              </dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums" data-testid={`overall-${name}`}>
                {formatScore(s.overall)}
              </dd>
              <ChosenAggregations aggregations={s.aggregations} main={s.overall.method} />
              {s.clustered ? (
                <dd className="mt-1 text-sm tabular-nums text-gray-700 dark:text-gray-300">
                  Clustered ({s.clustered.method}):{" "}
                  <span data-testid={`clustered-${name}`}>{formatScore(s.clustered, isProportion(s.overall))}</span>
                </dd>
              ) : null}
            </div>
          );
        })}
      </dl>
    </Section>
  );
}

/** A table of (subset, n, score, interval); the report uses it for every scorer and for the hardest subsets. */
export function SubsetTable({ caption, rows, percent }: { caption: string; rows: ScorerSummary["by_subset"]; percent: boolean }) {
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Subset</Th>
          <Th className="text-right">n</Th>
          <Th className="text-right">Score</Th>
          <Th className="text-right">95% interval</Th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => (
          <Tr key={s.subset}>
            <Td>{s.subset}</Td>
            <Td className="text-right tabular-nums">{s.aggregate.n}</Td>
            <Td className="text-right tabular-nums">{formatValue(s.aggregate, percent)}</Td>
            <Td className="text-right tabular-nums">{formatInterval(s.aggregate, percent)}</Td>
          </Tr>
        ))}
      </tbody>
    </Table>
  );
}

/** Per scorer, its score in each subset (category) as bars with error bars and as a table. */
export function SubsetBreakdown({ summary }: { summary: RunSummary }) {
  const blocks = scorerNames(summary).flatMap((name) => {
    const s = summary.scorers[name] as ScorerSummary;
    const rows = s.by_subset.filter((r) => finite(r.aggregate));
    return rows.length > 0 ? [{ name, rows, percent: isProportion(s.overall) }] : [];
  });
  if (blocks.length === 0) return null;
  return (
    <Section title="By subset" description="Each scorer per subset of the benchmark, with 95% intervals.">
      {blocks.map(({ name, rows, percent }) => (
        <div key={name} className="space-y-3 break-inside-avoid">
          <h3 className="font-semibold">{name}</h3>
          {rows.length > 1 ? (
            <ScoreBars
              title={`${name} by subset, with 95% intervals`}
              percent={percent}
              bars={rows.map((r) => ({ label: r.subset, value: r.aggregate.value ?? 0, ci: r.aggregate.ci }))}
            />
          ) : null}
          <SubsetTable caption={`Scores by subset: ${name}`} rows={rows} percent={percent} />
        </div>
      ))}
    </Section>
  );
}
