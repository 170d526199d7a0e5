import { type HistogramBin, histogram, mean, median, sum, variance } from "./describe";

/** One result as the run statistics need it. `attempts` counts endpoint calls for the task (1 if absent). */
export type RunRecord = {
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  charsIn: number;
  charsOut: number;
  cost: number;
  error?: string | null;
  pass?: boolean | null;
  attempts?: number;
};

export type Spread = { median: number; mean: number; std: number | null; min: number; max: number };

/** Equistamp's evaluation-session numbers, computed from stored results. */
export type RunStats = {
  tasksToComplete: number;
  tasksAnswered: number;
  answeredCorrectly: number;
  endpointCalls: number;
  endpointFailures: number;
  charsSent: number;
  charsReceived: number;
  tokensSent: number;
  tokensReceived: number;
  cost: number;
  secondsPerTask: (Spread & { histogram: HistogramBin[] }) | null;
  responseLength: (Omit<Spread, "std"> & { histogram: HistogramBin[] }) | null;
};

function spread(values: readonly number[]): Spread | null {
  if (values.length === 0) return null;
  const v = variance(values);
  return {
    median: median(values),
    mean: mean(values),
    std: Number.isNaN(v) ? null : Math.sqrt(v),
    // reduce, not Math.min(...values): spreading 100k+ arguments overflows the stack.
    min: values.reduce((a, b) => Math.min(a, b)),
    max: values.reduce((a, b) => Math.max(a, b)),
  };
}

/**
 * A task is answered when its result has no error. Every attempt is an endpoint call; failures are the
 * retried attempts plus the final error, if any. Timing and length use answered tasks only, std is the
 * sample one (n − 1) and is null for a single task.
 */
export function runStats(records: readonly RunRecord[], tasksToComplete = records.length): RunStats {
  const answered = records.filter((r) => !r.error);
  const calls = records.map((r) => Math.max(1, r.attempts ?? 1));
  const seconds = answered.map((r) => r.latencyMs / 1000);
  const timing = spread(seconds);
  const charsOut = answered.map((r) => r.charsOut);
  const lengths = spread(charsOut);
  return {
    tasksToComplete,
    tasksAnswered: answered.length,
    answeredCorrectly: records.filter((r) => r.pass === true).length,
    endpointCalls: sum(calls),
    endpointFailures: sum(records.map((r, i) => (calls[i] as number) - 1 + (r.error ? 1 : 0))),
    charsSent: sum(records.map((r) => r.charsIn)),
    charsReceived: sum(records.map((r) => r.charsOut)),
    tokensSent: sum(records.map((r) => r.tokensIn)),
    tokensReceived: sum(records.map((r) => r.tokensOut)),
    cost: sum(records.map((r) => r.cost)),
    secondsPerTask: timing ? { ...timing, histogram: histogram(seconds) } : null,
    responseLength: lengths
      ? { median: lengths.median, mean: lengths.mean, min: lengths.min, max: lengths.max, histogram: histogram(charsOut) }
      : null,
  };
}
