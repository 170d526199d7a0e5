import type { RunSummary } from "@/lib/jobs/summarize";
import type { getRun } from "@/lib/services/runs/read";

export type { RunStatus } from "@/db/schema/run-status";
export { isActive, RUN_STATUSES } from "@/db/schema/run-status";
export type { ScorerSummary, RunSummary } from "@/lib/jobs/summarize";
export type { HistogramBin } from "@/lib/scoring/statistics";

/** An aggregate as reports display it: its value is null when nothing could be scored. */
export type Aggregate = { n: number; value: number | null; ci: [number, number] | null; method: string };

/** The serialized run, as the server page and GET /api/v1/runs/{id} return it. */
export type ApiRun = Awaited<ReturnType<typeof getRun>>;

/** The run's summary once it has one (runs that did not complete have none). */
export function summaryOf(run: Pick<ApiRun, "summary">): RunSummary | null {
  return run.summary?.scorers ? run.summary : null;
}

/** Scorer names with the primary one first, then alphabetically: the order every report section uses. */
export function scorerNames(summary: Pick<RunSummary, "scorers" | "primary_scorer">): string[] {
  const primary = summary.primary_scorer;
  return Object.keys(summary.scorers).sort((a, b) => (a === primary ? -1 : b === primary ? 1 : a.localeCompare(b)));
}
