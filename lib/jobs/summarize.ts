import { accuracy, clusteredMean, meanAggregate, perSubset, runStats } from "@/lib/scoring/statistics";
import type { Aggregate } from "@/lib/scoring/statistics";

export type ResultForSummary = {
  subset: string | null;
  status: string;
  scores: Record<string, { value: unknown; pass?: boolean }>;
  latencyMs: number | null;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  attempts: number;
  error: string | null;
  charsIn: number;
  charsOut: number;
};

type ScorerSummary = { overall: Aggregate; clustered: Aggregate | null; by_subset: { subset: string; aggregate: Aggregate }[] };

/**
 * Per scorer: accuracy with a Wilson interval when it passes/fails, else a mean with a CLT interval;
 * plus the cluster-robust interval when tasks fall into subsets (Miller 2024), and per-subset scores.
 */
export function summarize(results: readonly ResultForSummary[], tasksToComplete: number) {
  const answered = results.filter((r) => r.status === "ok");
  const names = [...new Set(answered.flatMap((r) => Object.keys(r.scores)))];
  const scorers: Record<string, ScorerSummary> = {};
  for (const name of names) {
    const rows = answered.filter((r) => r.scores[name] !== undefined);
    const passBased = rows.every((r) => typeof r.scores[name]?.pass === "boolean");
    const scoreOf = (r: ResultForSummary) => (passBased ? (r.scores[name]?.pass ? 1 : 0) : Number(r.scores[name]?.value));
    const numeric = rows.filter((r) => Number.isFinite(scoreOf(r)));
    const aggregateOf = (group: ResultForSummary[]) => (passBased ? accuracy(group.map((r) => r.scores[name]?.pass === true)) : meanAggregate(group.map(scoreOf)));
    const subsets = new Set(numeric.map((r) => r.subset));
    // A t interval around a proportion can cross 0 or 1; a proportion's interval cannot.
    const clip = (a: Aggregate): Aggregate => (passBased && a.ci ? { ...a, ci: [Math.max(0, a.ci[0]), Math.min(1, a.ci[1])] } : a);
    scorers[name] = {
      overall: aggregateOf(numeric),
      clustered: subsets.size > 1 ? clip(clusteredMean(numeric.map((r) => ({ value: scoreOf(r), cluster: r.subset ?? "" })))) : null,
      by_subset: perSubset(numeric, aggregateOf),
    };
  }
  const stats = runStats(
    results.map((r) => ({ ...r, latencyMs: r.latencyMs ?? 0, pass: names[0] ? (r.scores[names[0]]?.pass ?? null) : null })),
    tasksToComplete,
  );
  return { primary_scorer: names[0] ?? null, scorers, stats };
}
