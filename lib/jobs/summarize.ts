import { accuracy, clusteredMean, histogram, meanAggregate, perSubset, runStats } from "@/lib/scoring/statistics";
import type { Aggregate, HistogramBin } from "@/lib/scoring/statistics";

export type ResultForSummary = {
  subset: string | null;
  status: string;
  scores: Record<string, { value: unknown; pass?: boolean }>;
  passed: boolean | null;
  score: number | null;
  latencyMs: number | null;
  tokensIn: number;
  tokensOut: number;
  cost: number;
  attempts: number;
  error: string | null;
  charsIn: number;
  charsOut: number;
};

export type ScorerSummary = {
  overall: Aggregate;
  clustered: Aggregate | null;
  by_subset: { subset: string; aggregate: Aggregate }[];
  /** Distribution of a numeric scorer's values (absent for pass/fail scorers). */
  histogram?: HistogramBin[];
};

type Scored = { subset: string | null; pass: boolean | null; value: number };

/** Accuracy with a Wilson interval for pass/fail values, else a mean with a CLT interval; overall, clustered by subset, and per subset. */
function scorerSummary(rows: readonly Scored[]): ScorerSummary {
  const passBased = rows.every((r) => r.pass !== null);
  const aggregateOf = (group: readonly Scored[]) => (passBased ? accuracy(group.map((r) => r.pass === true)) : meanAggregate(group.map((r) => r.value)));
  // A t interval around a proportion can cross 0 or 1; a proportion's interval cannot.
  const clip = (a: Aggregate): Aggregate => (passBased && a.ci ? { ...a, ci: [Math.max(0, a.ci[0]), Math.min(1, a.ci[1])] } : a);
  const subsets = new Set(rows.map((r) => r.subset));
  return {
    overall: aggregateOf(rows),
    clustered: subsets.size > 1 ? clip(clusteredMean(rows.map((r) => ({ value: r.value, cluster: r.subset ?? "" })))) : null,
    by_subset: perSubset(rows, aggregateOf),
    ...(passBased ? {} : { histogram: histogram(rows.map((r) => r.value)) }),
  };
}

/**
 * Per scorer, and for the primary score (each result's first scorer, which can differ by task type when
 * the run uses the defaults): accuracy or mean with intervals, the cluster-robust interval when tasks
 * fall into subsets (Miller 2024), and per-subset scores.
 */
export function summarize(results: readonly ResultForSummary[], tasksToComplete: number) {
  const answered = results.filter((r) => r.status === "ok");
  const names = [...new Set(answered.flatMap((r) => Object.keys(r.scores)))];
  const scorers: Record<string, ScorerSummary> = {};
  for (const name of names) {
    const rows = answered.flatMap((r): Scored[] => {
      const s = r.scores[name];
      if (s === undefined) return [];
      const pass = typeof s.pass === "boolean" ? s.pass : null;
      return [{ subset: r.subset, pass, value: pass === null ? Number(s.value) : Number(pass) }];
    });
    scorers[name] = scorerSummary(rows.filter((r) => Number.isFinite(r.value)));
  }
  const primaryRows = answered.flatMap((r): Scored[] => (r.score === null ? [] : [{ subset: r.subset, pass: r.passed, value: r.score }]));
  const stats = runStats(
    results.map((r) => ({ ...r, latencyMs: r.latencyMs ?? 0, pass: r.passed })),
    tasksToComplete,
  );
  return { primary_scorer: names[0] ?? null, primary: primaryRows.length ? scorerSummary(primaryRows) : null, scorers, stats };
}
