import { armEstimate } from "../ab/arm-estimate";
import { unclustered } from "../ab/moments";
import type { Aggregate } from "./types";

/**
 * An aggregate from running sums (n, Σx, Σx²), so callers can keep counters instead of every value:
 * Wilson for 0/1 values (Σx successes), otherwise the mean with a Student-t interval on n − 1 df.
 * The A/B arm estimate with one value per user computes exactly this, so it is the one implementation.
 */
export function aggregateFromSums(kind: "bool" | "scalar", n: number, sum: number, sumSquares: number): Aggregate {
  const { se: _se, df: _df, effectiveN: _effectiveN, ...aggregate } = armEstimate(unclustered({ n, sum, sumSq: sumSquares }), kind);
  return aggregate;
}
