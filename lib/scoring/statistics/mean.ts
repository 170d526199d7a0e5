import { mean as average, sum, variance } from "./describe";
import { tCritical } from "./quantiles";
import { type Aggregate, DEFAULT_CONFIDENCE, type Interval } from "./types";

function tInterval(centre: number, se: number, df: number, confidence: number): Interval | null {
  if (!(df >= 1) || !Number.isFinite(se)) return null;
  const half = tCritical(confidence, df) * se;
  return [centre - half, centre + half];
}

/**
 * Mean with the CLT standard error s/√n (s with divisor n − 1) and a Student-t interval on n − 1
 * degrees of freedom. t rather than z because per-subset means often rest on a handful of tasks;
 * for n in the hundreds the two agree to three decimals.
 */
export function meanAggregate(values: readonly number[], confidence = DEFAULT_CONFIDENCE): Aggregate {
  const n = values.length;
  const value = average(values);
  const se = Math.sqrt(variance(values) / n);
  return { n, value, ci: tInterval(value, se, n - 1, confidence), method: "t" };
}

/** Standard error of the mean alone (NaN below two values), for callers comparing runs. */
export function standardError(values: readonly number[]): number {
  return Math.sqrt(variance(values) / values.length);
}

/**
 * Weighted mean Σwx/Σw. Its standard error is the linearised (sandwich) one for a ratio estimator,
 * SE = √(n/(n−1) · Σ w²(x − x̄w)²) / Σw, which reduces exactly to s/√n when all weights are equal;
 * the interval uses t on n − 1 degrees of freedom like the unweighted mean.
 */
export function weightedMean(values: readonly number[], weights: readonly number[], confidence = DEFAULT_CONFIDENCE): Aggregate {
  if (values.length !== weights.length) throw new Error("values and weights must have the same length");
  if (weights.some((w) => !(w >= 0))) throw new Error("weights must be non-negative numbers");
  const n = values.length;
  const totalWeight = sum(weights);
  if (n === 0 || totalWeight === 0) return { n, value: Number.NaN, ci: null, method: "weighted-t" };
  const value = sum(values.map((x, i) => x * (weights[i] as number))) / totalWeight;
  const squares = sum(values.map((x, i) => ((weights[i] as number) * (x - value)) ** 2));
  const se = n < 2 ? Number.NaN : Math.sqrt((n / (n - 1)) * squares) / totalWeight;
  return { n, value, ci: tInterval(value, se, n - 1, confidence), method: "weighted-t" };
}

export { tInterval };
