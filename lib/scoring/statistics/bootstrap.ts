import { mulberry32 } from "@/lib/benchmarks/random";
import { median as sampleMedian, quantileSorted, sortedCopy } from "./describe";
import { type Aggregate, DEFAULT_CONFIDENCE } from "./types";

export type BootstrapOptions = { seed?: number; B?: number; confidence?: number };
export const DEFAULT_BOOTSTRAP_SEED = 0;
export const DEFAULT_BOOTSTRAP_B = 2000;

/**
 * Percentile bootstrap: resample with replacement B times (indices floor(u·n) from a seeded mulberry32,
 * so the interval is reproducible), then take the α/2 and 1 − α/2 type-7 quantiles of the statistic.
 * Used where no closed form applies; null below two values, where resampling says nothing.
 */
export function bootstrap(values: readonly number[], statistic: (sample: number[]) => number, options: BootstrapOptions = {}): Aggregate {
  const { seed = DEFAULT_BOOTSTRAP_SEED, B = DEFAULT_BOOTSTRAP_B, confidence = DEFAULT_CONFIDENCE } = options;
  const n = values.length;
  const value = n === 0 ? Number.NaN : statistic([...values]);
  if (n < 2 || B < 1) return { n, value, ci: null, method: "bootstrap-percentile" };
  const random = mulberry32(seed);
  const stats = new Array<number>(B);
  const sample = new Array<number>(n);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < n; i++) sample[i] = values[Math.floor(random() * n)] as number;
    stats[b] = statistic(sample);
  }
  const sorted = sortedCopy(stats);
  const alpha = 1 - confidence;
  return {
    n,
    value,
    ci: [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)],
    method: "bootstrap-percentile",
  };
}

/** Median with a seeded percentile-bootstrap interval (B = 2000 by default). */
export function medianAggregate(values: readonly number[], options: BootstrapOptions = {}): Aggregate {
  return bootstrap(values, sampleMedian, options);
}
