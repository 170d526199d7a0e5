/** 95% two-sided normal quantile, to the precision of the definition. */
export const CONFIDENCE_Z = 1.959964;
/** p = 0.5 maximises p(1 − p), the conservative choice when accuracy is not yet known. */
export const ASSUMED_PROPORTION = 0.5;
/** ±5 percentage points. */
export const MARGIN_OF_ERROR = 0.05;

export const SAMPLE_SIZE_FORMULA =
  "n₀ = z²·p(1−p)/e² with z = 1.96 (95% confidence), p = 0.5, e = 0.05 (±5 points) ≈ 384.15; " +
  "with N tasks, n = ⌈n₀ / (1 + (n₀ − 1)/N)⌉, at most N";

type Params = { z?: number; p?: number; e?: number };

/** Sample size for an infinite population, unrounded (384.1459 with the defaults). */
export function infiniteSampleSize({ z = CONFIDENCE_Z, p = ASSUMED_PROPORTION, e = MARGIN_OF_ERROR }: Params = {}): number {
  return (z * z * p * (1 - p)) / (e * e);
}

/** Recommended minimum tasks per run for a benchmark of `population` tasks (finite-population corrected). */
export function recommendedMinTasks(population: number, params: Params = {}): number {
  const n0 = infiniteSampleSize(params);
  if (!Number.isFinite(population)) return Math.ceil(n0);
  if (population <= 0) return 0;
  const n = n0 / (1 + (n0 - 1) / population);
  return Math.min(population, Math.ceil(n));
}
