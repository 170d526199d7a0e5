import { tInterval } from "../statistics/mean";
import { type Aggregate, DEFAULT_CONFIDENCE } from "../statistics/types";
import { wilsonInterval } from "../statistics/wilson";
import type { ArmMoments, Moments } from "./moments";

export type FeedbackKind = "bool" | "scalar";
export type ArmEstimate = Aggregate & { se: number; df: number; effectiveN: number };

export function meanOf(m: Moments): number {
  return m.n === 0 ? Number.NaN : m.sum / m.n;
}

/** s²/n with s² on n − 1 (clamped at 0: rounding can leave a tiny negative sum of squares). */
export function plainVarianceOfMean(m: Moments): number {
  if (m.n < 2) return Number.NaN;
  const mean = m.sum / m.n;
  return Math.max(0, (m.sumSq - m.n * mean * mean) / (m.n - 1)) / m.n;
}

/**
 * Cluster-robust (CR1) variance of the mean, clusters = users: C/(C−1) · Σ_c (S_c − n_c·x̄)² / n²,
 * expanded into the running sums. With one value per user it equals s²/n exactly, so it is always used.
 */
export function varianceOfMean(arm: ArmMoments): number {
  if (arm.n < 2 || arm.clusters < 2) return Number.NaN;
  const mean = arm.sum / arm.n;
  const residuals = arm.clusterSumSq - 2 * mean * arm.clusterCross + mean * mean * arm.clusterSizeSq;
  return ((arm.clusters / (arm.clusters - 1)) * Math.max(0, residuals)) / (arm.n * arm.n);
}

/** Design effect of the users' clustering, floored at 1 so repeated users never narrow an interval. */
export function designEffect(arm: ArmMoments): number {
  const plain = plainVarianceOfMean(arm);
  const clustered = varianceOfMean(arm);
  if (!(plain > 0) || !Number.isFinite(clustered)) return 1;
  return Math.max(1, clustered / plain);
}

/**
 * One arm's value with its 95% interval: a bool rate with Wilson's interval on the effective sample
 * size n / design effect, a scalar mean with Student's t on C − 1 degrees of freedom (C = users).
 */
export function armEstimate(arm: ArmMoments, kind: FeedbackKind, confidence = DEFAULT_CONFIDENCE): ArmEstimate {
  const value = meanOf(arm);
  const se = Math.sqrt(varianceOfMean(arm));
  const clustered = arm.clusters < arm.n;
  const df = arm.clusters - 1;
  if (kind === "bool") {
    const effectiveN = arm.n / designEffect(arm);
    const ci = wilsonInterval(value * effectiveN, effectiveN, confidence);
    return { n: arm.n, value, ci, method: clustered ? "wilson-clustered" : "wilson", se, df, effectiveN };
  }
  return { n: arm.n, value, ci: tInterval(value, se, df, confidence), method: clustered ? "clustered-t" : "t", se, df, effectiveN: arm.n };
}
