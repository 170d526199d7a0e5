import { mean, sum } from "./describe";
import { tInterval } from "./mean";
import { type Aggregate, DEFAULT_CONFIDENCE } from "./types";

export type ClusteredValue = { value: number; cluster: string };
export type ClusteredOptions = { confidence?: number; smallSampleCorrection?: boolean };

/**
 * Cluster-robust standard error of a mean (Miller 2024, "Adding Error Bars to Evals", §2.2): when tasks
 * share a passage or subset their scores are correlated and s/√n is too small. We compute
 *   SE² = f · Σ_c ( Σ_{i∈c} (x_i − x̄) )² / n²,   f = C/(C−1) (default) or 1,
 * where C is the number of clusters. f = C/(C−1) is Stata's CR1 factor for an intercept-only model
 * ((N−1)/(N−K) = 1 when K = 1); f = 1 is Miller's formula as printed, up to its n−1 vs n on the
 * diagonal. The interval uses Student's t on C − 1 degrees of freedom, so it needs at least two clusters.
 */
export function clusteredSE(values: readonly ClusteredValue[], smallSampleCorrection = true): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const centre = mean(values.map((v) => v.value));
  const residualSums = new Map<string, number>();
  for (const { value, cluster } of values) residualSums.set(cluster, (residualSums.get(cluster) ?? 0) + (value - centre));
  const clusters = residualSums.size;
  if (clusters < 2) return Number.NaN;
  const factor = smallSampleCorrection ? clusters / (clusters - 1) : 1;
  return Math.sqrt(factor * sum([...residualSums.values()].map((s) => s * s))) / n;
}

export function clusteredMean(values: readonly ClusteredValue[], options: ClusteredOptions = {}): Aggregate {
  const { confidence = DEFAULT_CONFIDENCE, smallSampleCorrection = true } = options;
  const n = values.length;
  const value = mean(values.map((v) => v.value));
  const clusters = new Set(values.map((v) => v.cluster)).size;
  const se = clusteredSE(values, smallSampleCorrection);
  return { n, value, ci: tInterval(value, se, clusters - 1, confidence), method: "clustered-t" };
}
