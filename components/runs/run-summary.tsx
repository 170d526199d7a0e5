import { ScoreBars } from "@/components/charts/score-bars";
import { Section } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { formatScore, isProportion } from "./format";
import type { ScorerSummary } from "./types";

function ScorerBlock({ name, scorer, primary }: { name: string; scorer: ScorerSummary; primary: boolean }) {
  const percent = isProportion(scorer.overall);
  const subsets = scorer.by_subset.filter((s) => s.aggregate.value !== null && Number.isFinite(s.aggregate.value));
  return (
    <Section title={`Scorer: ${name}${primary ? " (primary)" : ""}`}>
      <dl className="grid gap-4 sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">Overall (95% interval, {scorer.overall.method})</dt>
          <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid={`overall-${name}`}>
            {formatScore(scorer.overall, percent)}
          </dd>
        </div>
        {scorer.clustered ? (
          <div>
            <dt className="text-xs font-medium uppercase tracking-wide text-gray-700 dark:text-gray-300">Clustered by subset ({scorer.clustered.method})</dt>
            <dd className="mt-0.5 text-xl font-semibold tabular-nums" data-testid={`clustered-${name}`}>
              {formatScore(scorer.clustered, percent)}
            </dd>
          </div>
        ) : null}
      </dl>
      {subsets.length > 0 ? (
        <>
          <Table caption={`Scores by subset: ${name}`}>
            <thead>
              <tr>
                <Th>Subset</Th>
                <Th className="text-right">n</Th>
                <Th className="text-right">Score [95% interval]</Th>
              </tr>
            </thead>
            <tbody>
              {subsets.map((s) => (
                <Tr key={s.subset}>
                  <Td>{s.subset}</Td>
                  <Td className="text-right tabular-nums">{s.aggregate.n}</Td>
                  <Td className="text-right tabular-nums">{formatScore(s.aggregate, percent).replace(/, n=\d+$/, "")}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          {subsets.length > 1 ? (
            <ScoreBars
              title={`${name} by subset, with 95% intervals`}
              percent={percent}
              bars={subsets.map((s) => ({ label: s.subset, value: s.aggregate.value ?? 0, ci: s.aggregate.ci }))}
            />
          ) : null}
        </>
      ) : null}
    </Section>
  );
}

export function RunSummaryView({ scorers, primary }: { scorers: Record<string, ScorerSummary>; primary: string | null }) {
  const names = Object.keys(scorers).sort((a, b) => (a === primary ? -1 : b === primary ? 1 : a.localeCompare(b)));
  if (names.length === 0) return <Section title="Scores" description="No result was scored." />;
  return (
    <div className="space-y-6">
      {names.map((name) => (
        <ScorerBlock key={name} name={name} scorer={scorers[name] as ScorerSummary} primary={name === primary} />
      ))}
    </div>
  );
}
