import type { RunStats } from "@/lib/scoring/statistics/run-stats";
import type { getRun } from "@/lib/services/runs/read";

/** The serialized run, as the server page and GET /api/v1/runs/{id} return it. */
export type ApiRun = Awaited<ReturnType<typeof getRun>>;
export type RunStatus = ApiRun["status"];

export type Aggregate = { n: number; value: number | null; ci: [number, number] | null; method: string };
export type HistogramBin = { lo: number; hi: number; count: number };
export type CategoryShare = { category: string; count: number; proportion: number; ci: [number, number] | null };
/** A scorer's chosen aggregations (lib/scoring/aggregations.ts); each has an overall value and per-subset ones. */
export type ScorerAggregations = {
  accuracy?: { overall: Aggregate };
  mean?: { overall: Aggregate };
  weighted_mean?: { overall: Aggregate; unweighted: number };
  median?: { overall: Aggregate };
  categorical?: { overall: { n: number; categories: CategoryShare[] } };
};
export type ScorerSummary = {
  overall: Aggregate;
  clustered: Aggregate | null;
  by_subset: { subset: string; aggregate: Aggregate }[];
  histogram?: HistogramBin[];
  aggregations?: ScorerAggregations;
};

/** The summary the worker stores when a run finishes (lib/jobs/summarize.ts). */
export type RunSummary = {
  primary_scorer: string | null;
  /** Each answered task's first scorer; the run's headline score. */
  primary?: ScorerSummary | null;
  scorers: Record<string, ScorerSummary>;
  stats?: RunStats;
};

export const RUN_STATUSES = ["scheduled", "in_progress", "completed", "failed", "cancelled"] as const;

export const isActive = (status: RunStatus) => status === "scheduled" || status === "in_progress";

export function summaryOf(run: Pick<ApiRun, "summary">): RunSummary | null {
  const s = run.summary as RunSummary | null;
  return s && typeof s === "object" && s.scorers ? s : null;
}

/** Scorer names with the primary one first, then alphabetically: the order every report section uses. */
export function scorerNames(summary: Pick<RunSummary, "scorers" | "primary_scorer">): string[] {
  const primary = summary.primary_scorer;
  return Object.keys(summary.scorers).sort((a, b) => (a === primary ? -1 : b === primary ? 1 : a.localeCompare(b)));
}
