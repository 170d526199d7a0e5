import jStat from "jstat";
import { mean, variance } from "./describe";
import { tInterval } from "./mean";
import { DEFAULT_CONFIDENCE, type Interval } from "./types";

// jstat.d.ts declares only the quantiles; the regularised incomplete beta is there at runtime too.
const ibeta = (jStat as unknown as { ibeta(x: number, a: number, b: number): number }).ibeta;

export type McNemarResult = { onlyA: number; onlyB: number; p: number };

/**
 * McNemar's exact test: under "no difference" each discordant task is equally likely to favour A or B,
 * so min(onlyA, onlyB) ~ Binomial(onlyA + onlyB, ½) and the two-sided p is 2·P(X ≤ min), capped at 1
 * (scipy.stats.binomtest(k, n, 0.5).pvalue). Summed in log space: 2⁻ⁿ underflows past n ≈ 1,074.
 */
export function mcnemarExact(onlyA: number, onlyB: number): McNemarResult {
  const n = onlyA + onlyB;
  const k = Math.min(onlyA, onlyB);
  if (n === 0) return { onlyA, onlyB, p: 1 };
  let logPmf = -n * Math.LN2;
  let largest = logPmf;
  const terms = [logPmf];
  for (let i = 1; i <= k; i++) {
    logPmf += Math.log((n - i + 1) / i);
    terms.push(logPmf);
    largest = Math.max(largest, logPmf);
  }
  const logCdf = largest + Math.log(terms.reduce((s, t) => s + Math.exp(t - largest), 0));
  return { onlyA, onlyB, p: Math.min(1, 2 * Math.exp(logCdf)) };
}

export type PairedDifference = { n: number; value: number; se: number; ci: Interval | null };

/** Mean of the per-task differences b − a with a Student-t interval on n − 1 degrees of freedom. */
export function pairedDifference(a: readonly number[], b: readonly number[], confidence = DEFAULT_CONFIDENCE): PairedDifference {
  if (a.length !== b.length) throw new Error("paired samples must have the same length");
  const d = b.map((x, i) => x - (a[i] as number));
  const value = mean(d);
  const se = Math.sqrt(variance(d) / d.length);
  // Identical differences have no spread: the interval collapses to the point rather than vanishing.
  const ci = se === 0 ? ([value, value] as Interval) : tInterval(value, se, d.length - 1, confidence);
  return { n: d.length, value, se, ci };
}

export type PairedTTest = { n: number; t: number; df: number; p: number };

/**
 * Paired t-test of b − a against 0 (scipy.stats.ttest_rel(b, a)). The two-sided p is I_{df/(df+t²)}(df/2, ½),
 * the regularised incomplete beta, which stays accurate in the tail where 1 − cdf would round to 0.
 * Without spread the test is degenerate: p = 1 when every difference is 0, else 0. Null below two pairs.
 */
export function pairedTTest(a: readonly number[], b: readonly number[]): PairedTTest | null {
  const { n, value, se } = pairedDifference(a, b);
  if (n < 2) return null;
  const df = n - 1;
  if (se === 0) return { n, t: value === 0 ? 0 : Math.sign(value) * Number.POSITIVE_INFINITY, df, p: value === 0 ? 1 : 0 };
  const t = value / se;
  return { n, t, df, p: Math.min(1, ibeta(df / (df + t * t), df / 2, 0.5)) };
}
