import jStat from "jstat";

// jstat.d.ts declares only the quantiles; the regularised lower incomplete gamma is there at runtime too.
const lowRegGamma = (jStat as unknown as { lowRegGamma(a: number, x: number): number }).lowRegGamma;

export const SRM_THRESHOLD = 0.001;
export type SampleRatioMismatch = { chiSquare: number; df: number; p: number; warning: boolean; expected: number[] };

/**
 * Sample ratio mismatch: Pearson's chi-square of the observed arm counts against the planned shares
 * (scipy.stats.chisquare), K − 1 degrees of freedom. p < 0.001 means the assignment is broken somewhere
 * (lost logs, a biased router), so the verdict cannot be trusted and auto-deploy is blocked.
 */
export function sampleRatioMismatch(counts: readonly number[], shares: readonly number[]): SampleRatioMismatch {
  if (counts.length !== shares.length || counts.length < 2) throw new Error("need one planned share per arm and at least two arms");
  const total = counts.reduce((s, c) => s + c, 0);
  const shareSum = shares.reduce((s, c) => s + c, 0);
  const expected = shares.map((s) => (total * s) / shareSum);
  const df = counts.length - 1;
  if (total === 0) return { chiSquare: 0, df, p: 1, warning: false, expected };
  const chiSquare = counts.reduce((s, c, i) => s + (c - (expected[i] as number)) ** 2 / (expected[i] as number), 0);
  const p = Math.max(0, 1 - lowRegGamma(df / 2, chiSquare / 2));
  return { chiSquare, df, p, warning: p < SRM_THRESHOLD, expected };
}
