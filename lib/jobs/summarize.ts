import {
  type AggregationRow,
  type Aggregations,
  aggregateRows,
  aggregations,
  defaultAggregation,
  numericValue,
} from "@/lib/scoring/aggregations";
import { scorerKeys } from "@/lib/scoring/scorer-keys";
import { histogram, runStats } from "@/lib/scoring/statistics";
import type { Aggregate, HistogramBin } from "@/lib/scoring/statistics";
import type { RunConfig, ScorerSpec } from "@/lib/validation/runs";

export type ResultForSummary = {
  position: number;
  sample: number;
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
  /** The task's metadata fields that scorers weight by (`weight_field`), when any scorer asks for one. */
  weights?: Record<string, unknown> | null;
};

export type ScorerSummary = {
  overall: Aggregate;
  clustered: Aggregate | null;
  by_subset: { subset: string; aggregate: Aggregate }[];
  /** Distribution of a numeric scorer's values (absent for pass/fail scorers). */
  histogram?: HistogramBin[];
  /** The scorer's chosen aggregations (`aggregations` in its spec), or its default one. */
  aggregations: Aggregations;
};

type SummaryConfig = Partial<Pick<RunConfig, "scorers" | "metrics" | "seed">>;
type ScorerOptions = Partial<Pick<ScorerSpec, "aggregations" | "weight_field">>;

/**
 * Accuracy with a Wilson interval for pass/fail values, else a mean with a t interval; overall, clustered
 * by subset and per subset (the fields reports read), plus the scorer's chosen aggregations.
 */
function scorerSummary(rows: readonly AggregationRow[], options: ScorerOptions, seed: number): ScorerSummary {
  const numeric = rows.filter((r) => Number.isFinite(numericValue(r)));
  const passBased = numeric.every((r) => r.pass !== null);
  const kind = passBased ? "accuracy" : "mean";
  const main = aggregateRows(kind, numeric, seed);
  // The default aggregation is usually the main one: reuse it rather than compute it twice.
  const chosen =
    !options.aggregations?.length && defaultAggregation(rows) === kind ? { [kind]: main } : aggregations(rows, options.aggregations, seed);
  return {
    ...main,
    ...(passBased ? {} : { histogram: histogram(numeric.map(numericValue)) }),
    aggregations: chosen,
  };
}

/** A scorer's options by result key; runs on default scorers have none. */
function optionsByKey(config: SummaryConfig): Map<string, ScorerOptions> {
  if (!config.scorers?.length) return new Map();
  const specs: (ScorerOptions & { type: string })[] = [...config.scorers, ...(config.metrics ?? []).map((type) => ({ type }))];
  const keys = scorerKeys(specs);
  return new Map(specs.map((spec, i) => [keys[i] as string, spec]));
}

export type ExampleKey = { position: number; sample: number };

/**
 * Equistamp's top and worst examples: the answered results with the highest and lowest primary score
 * (ties in task order), kept as keys so the report fetches six rows instead of sorting the run's results.
 * None when every answer scored the same.
 */
export function pickExamples(results: readonly ResultForSummary[], limit = 3): { best: ExampleKey[]; worst: ExampleKey[] } {
  const scored = results.filter((r): r is ResultForSummary & { score: number } => r.status === "ok" && r.score !== null);
  const byTask = (a: ResultForSummary, b: ResultForSummary) => a.position - b.position || a.sample - b.sample;
  const best = [...scored].sort((a, b) => b.score - a.score || byTask(a, b)).slice(0, limit);
  const worst = [...scored].sort((a, b) => a.score - b.score || byTask(a, b)).slice(0, limit);
  if (best[0]?.score === worst[0]?.score) return { best: [], worst: [] };
  const key = ({ position, sample }: ResultForSummary) => ({ position, sample });
  return { best: best.map(key), worst: worst.map(key) };
}

function weightOf(result: ResultForSummary, field: string | undefined): number | null {
  const raw = field === undefined ? undefined : result.weights?.[field];
  const weight = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : Number.NaN;
  return Number.isFinite(weight) ? weight : null;
}

/** The same results, in the same order, with the same subsets and pass/fail outcomes. */
function samePassFail(a: readonly AggregationRow[], b: readonly AggregationRow[]): boolean {
  return a.length === b.length && a.every((row, i) => row.pass !== null && row.pass === b[i]?.pass && row.subset === b[i]?.subset);
}

/**
 * Per scorer, and for the primary score (each result's first scorer, which can differ by task type when
 * the run uses the defaults): accuracy or mean with intervals, the cluster-robust interval when tasks
 * fall into subsets (Miller 2024), per-subset scores and the aggregations each scorer asks for.
 */
export function summarize(results: readonly ResultForSummary[], tasksToComplete: number, config: SummaryConfig = {}) {
  const seed = config.seed ?? 0;
  const answered = results.filter((r) => r.status === "ok");
  const names = [...new Set(answered.flatMap((r) => Object.keys(r.scores)))];
  const options = optionsByKey(config);
  const scorers: Record<string, ScorerSummary> = {};
  const rowsByName = new Map<string, AggregationRow[]>();
  for (const name of names) {
    const spec = options.get(name) ?? {};
    const rows = answered.flatMap((r): AggregationRow[] => {
      const s = r.scores[name];
      if (s === undefined) return [];
      return [
        { subset: r.subset, pass: typeof s.pass === "boolean" ? s.pass : null, value: s.value, weight: weightOf(r, spec.weight_field) },
      ];
    });
    rowsByName.set(name, rows);
    scorers[name] = scorerSummary(rows, spec, seed);
  }
  const primaryRows = answered.flatMap((r): AggregationRow[] =>
    r.score === null ? [] : [{ subset: r.subset, pass: r.passed, value: r.score }],
  );
  const stats = runStats(
    results.map((r) => ({ ...r, latencyMs: r.latencyMs ?? 0, pass: r.passed })),
    tasksToComplete,
  );
  const first = names[0];
  // Usually every task's primary score is the first scorer's pass/fail: then its summary is the same one.
  const reuse = first !== undefined && !options.has(first) && samePassFail(rowsByName.get(first) ?? [], primaryRows);
  const primary = primaryRows.length ? (reuse ? (scorers[first] as ScorerSummary) : scorerSummary(primaryRows, {}, seed)) : null;
  return { primary_scorer: first ?? null, primary, scorers, stats, examples: pickExamples(results) };
}

/** The summary stored in runs.summary when a run completes. */
export type RunSummary = ReturnType<typeof summarize>;
