import { type AggregationRow, aggregations } from "@/lib/scoring/aggregations";
import type { ScoreResult } from "@/lib/scoring/types";
import type { AggregationName } from "@/lib/validation/runs";

/** One scoring function's row, as Llama Stack writes it: `score`, plus our explanation or error. */
export function scoreRow(result: Pick<ScoreResult, "value" | "pass" | "explanation" | "error"> | undefined): Record<string, unknown> {
  if (!result) return { score: null, error: "not scored" };
  const score = typeof result.pass === "boolean" ? (result.pass ? 1 : 0) : result.value;
  return { score, ...(result.explanation ? { explanation: result.explanation } : {}), ...(result.error ? { error: result.error } : {}) };
}

/**
 * Llama Stack's aggregated_results ({accuracy: {accuracy, num_correct, num_total}}, {average: {average}}, …),
 * each with our n and 95 % interval (`ci_95`) added, computed by the same aggregations as a run's summary.
 */
export function aggregatedResults(rows: readonly AggregationRow[], requested: readonly AggregationName[] | undefined) {
  const out: Record<string, Record<string, unknown>> = {};
  const all = aggregations(rows, requested);
  if (all.accuracy) {
    const a = all.accuracy.overall;
    out.accuracy = { accuracy: a.value, num_correct: Math.round(a.value * a.n), num_total: a.n, n: a.n, ci_95: a.ci };
  }
  if (all.mean) out.average = { average: all.mean.overall.value, n: all.mean.overall.n, ci_95: all.mean.overall.ci };
  if (all.median) out.median = { median: all.median.overall.value, n: all.median.overall.n, ci_95: all.median.overall.ci };
  if (all.weighted_mean)
    out.weighted_average = {
      weighted_average: all.weighted_mean.overall.value,
      n: all.weighted_mean.overall.n,
      ci_95: all.weighted_mean.overall.ci,
    };
  if (all.categorical) {
    const counts = Object.fromEntries(all.categorical.overall.categories.map((c) => [c.category, c.count]));
    out.categorical_count = { categorical_count: counts, n: all.categorical.overall.n };
  }
  return out;
}

/** One result's rows for aggregation: the scorer's stored outcome under `key`. */
export function aggregationRow(scores: Record<string, ScoreResult | undefined>, key: string, subset: string | null): AggregationRow {
  const s = scores[key];
  return { subset, pass: typeof s?.pass === "boolean" ? s.pass : null, value: s?.error ? null : (s?.value ?? null) };
}
