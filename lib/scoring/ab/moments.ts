/**
 * Running sums from which every per-arm statistic is computed without scanning feedback rows.
 * `Moments` are the plain sums (also kept per time bucket); `ArmMoments` add the per-user sums the
 * cluster-robust variance needs: Σ_c S_c², Σ_c n_c·S_c and Σ_c n_c² over users c with n_c values summing to S_c.
 */
export type Moments = { n: number; sum: number; sumSq: number };
export type ArmMoments = Moments & { clusters: number; clusterSumSq: number; clusterCross: number; clusterSizeSq: number };
/** One user's totals within one arm (a feedback without a user is a cluster of its own). */
export type ClusterTotals = { n: number; sum: number };

export const EMPTY_MOMENTS: Moments = { n: 0, sum: 0, sumSq: 0 };
export const EMPTY_ARM: ArmMoments = { ...EMPTY_MOMENTS, clusters: 0, clusterSumSq: 0, clusterCross: 0, clusterSizeSq: 0 };
export const EMPTY_CLUSTER: ClusterTotals = { n: 0, sum: 0 };

/** The change to the sums when `value` is written, replacing `previous` (one value per interaction, key and user: the latest wins). */
export function valueDelta(previous: number | null, value: number): Moments {
  if (previous === null) return { n: 1, sum: value, sumSq: value * value };
  return { n: 0, sum: value - previous, sumSq: value * value - previous * previous };
}

export function addMoments<M extends Moments>(a: M, b: Moments): M {
  return { ...a, n: a.n + b.n, sum: a.sum + b.sum, sumSq: a.sumSq + b.sumSq };
}

function clusterTerms(c: ClusterTotals) {
  return c.n === 0 ? { clusters: 0, sq: 0, cross: 0, size: 0 } : { clusters: 1, sq: c.sum * c.sum, cross: c.n * c.sum, size: c.n * c.n };
}

/** Writes one value into an arm: returns the new arm sums and the user's new totals (both stored by the caller). */
export function applyValue(
  arm: ArmMoments,
  cluster: ClusterTotals,
  previous: number | null,
  value: number,
): { arm: ArmMoments; cluster: ClusterTotals } {
  const delta = valueDelta(previous, value);
  const after = { n: cluster.n + delta.n, sum: cluster.sum + delta.sum };
  const old = clusterTerms(cluster);
  const next = clusterTerms(after);
  const moved = addMoments(arm, delta);
  return {
    arm: {
      ...moved,
      clusters: arm.clusters - old.clusters + next.clusters,
      clusterSumSq: arm.clusterSumSq - old.sq + next.sq,
      clusterCross: arm.clusterCross - old.cross + next.cross,
      clusterSizeSq: arm.clusterSizeSq - old.size + next.size,
    },
    cluster: after,
  };
}

/** Sums of a list of values (users optional), as `applyValue` would have built them one by one. */
export function armMomentsOf(values: readonly { value: number; user?: string | null }[]): ArmMoments {
  let arm = EMPTY_ARM;
  const users = new Map<string, ClusterTotals>();
  values.forEach(({ value, user }, i) => {
    const key = user ?? `\u0000${i}`;
    const result = applyValue(arm, users.get(key) ?? EMPTY_CLUSTER, null, value);
    arm = result.arm;
    users.set(key, result.cluster);
  });
  return arm;
}

/** Plain sums read as one value per user (time buckets, simulations): every cluster has size 1. */
export function unclustered(m: Moments): ArmMoments {
  return { ...m, clusters: m.n, clusterSumSq: m.sumSq, clusterCross: m.sum, clusterSizeSq: m.n };
}
