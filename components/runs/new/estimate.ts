import type { ConfigState, RunnableBenchmark, RunnableModel } from "./types";

// Without reading every task, assume a typical short prompt and answer; the form says so.
export const TOKENS_IN_PER_TASK = 200;
export const TOKENS_OUT_PER_TASK = 50;
export const DEFAULT_LATENCY_S = 1;

export type Estimate = { runs: number; tasks: number; cost: number | null; unpriced: string[]; seconds: number };

const positiveInt = (v: string, fallback: number) => {
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/**
 * Tasks = models × Σ min(tasks, number of examples) × samples; cost from prices. Runs proceed side by
 * side, each with `concurrency` calls in flight and a model's runs together within its max_concurrency,
 * so the time is the slowest model's: its tasks ÷ its calls in flight × its latency.
 */
export function estimate(models: RunnableModel[], benchmarks: RunnableBenchmark[], config: ConfigState): Estimate {
  const cap = positiveInt(config.num_examples, Number.POSITIVE_INFINITY);
  const samples = positiveInt(config.samples_per_task, 1);
  const concurrency = positiveInt(config.concurrency, 8);
  const outTokens = Math.min(TOKENS_OUT_PER_TASK, positiveInt(config.max_tokens, TOKENS_OUT_PER_TASK));
  const perModel = benchmarks.reduce((sum, b) => sum + Math.min(b.task_count, cap) * samples, 0);
  let cost = 0;
  let seconds = 0;
  const unpriced: string[] = [];
  for (const m of models) {
    if (m.price_in == null || m.price_out == null) unpriced.push(m.name);
    else cost += (perModel * (TOKENS_IN_PER_TASK * m.price_in + outTokens * m.price_out)) / 1_000_000;
    const inFlight = Math.min(concurrency * benchmarks.length, m.max_concurrency ?? Number.POSITIVE_INFINITY);
    if (perModel > 0) seconds = Math.max(seconds, Math.ceil(perModel / inFlight) * (m.latency_s ?? DEFAULT_LATENCY_S));
  }
  return {
    runs: models.length * benchmarks.length,
    tasks: models.length * perModel,
    cost: unpriced.length === models.length && models.length > 0 ? null : cost,
    unpriced,
    seconds,
  };
}
