import { tInterval } from "./mean";
import type { Aggregate } from "./types";
import { wilsonInterval } from "./wilson";

/**
 * An aggregate from running sums (n, Σx, Σx²), so callers can keep counters instead of every value:
 * Wilson for 0/1 values (Σx successes), otherwise the mean with a Student-t interval on n − 1 df.
 */
export function aggregateFromSums(kind: "bool" | "scalar", n: number, sum: number, sumSquares: number): Aggregate {
  if (n <= 0) return { n: 0, value: Number.NaN, ci: null, method: kind === "bool" ? "wilson" : "t" };
  const value = sum / n;
  if (kind === "bool") return { n, value, ci: wilsonInterval(sum, n), method: "wilson" };
  const variance = n > 1 ? Math.max(0, (sumSquares - n * value * value) / (n - 1)) : Number.NaN;
  return { n, value, ci: tInterval(value, Math.sqrt(variance / n), n - 1, 0.95), method: "t" };
}
