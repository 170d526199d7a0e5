import { zCritical } from "./quantiles";
import { type Interval, DEFAULT_CONFIDENCE } from "./types";

/**
 * Wilson score interval for a binomial proportion. Unlike the normal ("Wald") interval it stays inside
 * [0, 1] and keeps its coverage near 0 and 1, which is where eval accuracies often sit.
 */
export function wilsonInterval(successes: number, n: number, confidence = DEFAULT_CONFIDENCE): Interval | null {
  if (n <= 0) return null;
  const z = zCritical(confidence);
  const p = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
