import type { Interval } from "@/lib/scoring/statistics";
import { wilsonInterval } from "@/lib/scoring/statistics";
import type { summarize } from "@/lib/jobs/summarize";

export type MetricName = "score" | "error_rate" | "median_latency" | "cost_per_1k";

/** The fields of a finished run the metrics read; `summary` is what finalizeRun stored from summarize(). */
export type RunForMetrics = { doneItems: number; errorItems: number; cost: number; summary: Record<string, unknown> | null };
type Summary = Partial<ReturnType<typeof summarize>>;

export type MetricValue = { value: number; n: number; ci: Interval | null };

/**
 * A metric of a completed run with its n and 95 % interval where one exists: a scorer's score (the primary
 * score when no scorer is named), the share of tasks that errored (Wilson), median seconds per answered
 * task, and cost per 1,000 finished tasks (as the leaderboard computes it). Null when the run lacks it.
 */
export function metricValue(run: RunForMetrics, metric: MetricName, scorer: string | null = null): MetricValue | null {
  const finished = run.doneItems + run.errorItems;
  const summary = run.summary as Summary | null;
  if (metric === "score") {
    const s = (scorer ? summary?.scorers?.[scorer] : summary?.primary)?.overall;
    return s && Number.isFinite(s.value) ? { value: s.value, n: s.n, ci: s.ci } : null;
  }
  if (finished === 0) return null;
  if (metric === "error_rate") return { value: run.errorItems / finished, n: finished, ci: wilsonInterval(run.errorItems, finished) };
  if (metric === "cost_per_1k") return { value: (run.cost / finished) * 1000, n: finished, ci: null };
  const timing = summary?.stats?.secondsPerTask;
  return timing ? { value: timing.median, n: summary?.stats?.tasksAnswered ?? run.doneItems, ci: null } : null;
}

/** Above the threshold fires; with `invert`, below it. */
export const crossesThreshold = (value: number, threshold: number, invert: boolean) => (invert ? value < threshold : value > threshold);

/** Inside the cooldown after the alert's last event, nothing new fires. */
export const inCooldown = (lastFiredAt: Date | null, cooldownMinutes: number, now: Date) =>
  lastFiredAt !== null && now.getTime() - lastFiredAt.getTime() < cooldownMinutes * 60_000;

const UNITS: Record<MetricName, (v: number) => string> = {
  score: (v) => v.toFixed(3),
  error_rate: (v) => `${(v * 100).toFixed(1)} %`,
  median_latency: (v) => `${v.toFixed(2)} s`,
  cost_per_1k: (v) => `$${v.toFixed(4)}`,
};
export const formatMetric = (metric: MetricName, value: number) => UNITS[metric](value);
