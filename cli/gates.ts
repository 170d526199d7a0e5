/** The run's score as the API reports it: pass rate with n and its 95 % (Wilson) interval. */
export type Score = { n: number; value: number | null; ci: number[] | null };

/** The paired comparison of the new run (b) with its baseline (a), from GET /api/v1/compare. */
export type Paired = { baseline: string; p: number | null; difference: number | null; test: string | null };

export type Gates = { failUnder?: number; failUnderLower?: number; alpha: number };

/**
 * Why the build should fail (empty: it passes). A regression fails only when the paired test finds the
 * new run significantly worse at `alpha`: a lower score within the noise passes.
 */
export function gateFailures(score: Score, gates: Gates, paired?: Paired): string[] {
  const failures: string[] = [];
  if (gates.failUnder !== undefined && (score.value === null || score.value < gates.failUnder))
    failures.push(`score ${fmt(score.value)} is below --fail-under ${gates.failUnder}`);
  const lower = score.ci?.[0] ?? null;
  if (gates.failUnderLower !== undefined && (lower === null || lower < gates.failUnderLower))
    failures.push(`the interval's lower bound ${fmt(lower)} is below --fail-under-lower ${gates.failUnderLower}`);
  if (paired && isRegression(paired, gates.alpha))
    failures.push(
      `significant regression against ${paired.baseline}: ${fmt(paired.difference)} (${paired.test}, p = ${fmt(paired.p)} < ${gates.alpha})`,
    );
  return failures;
}

export function isRegression(paired: Paired, alpha: number): boolean {
  return paired.p !== null && paired.difference !== null && paired.p < alpha && paired.difference < 0;
}

export function fmt(value: number | null): string {
  return value === null || Number.isNaN(value) ? "n/a" : Number(value.toFixed(4)).toString();
}

/** "0.7500 (95% CI 0.5313–0.8881, n = 20)" */
export function describeScore(score: Score): string {
  const [lo, hi] = score.ci ?? [];
  const ci = lo !== undefined && hi !== undefined ? `95% CI ${lo.toFixed(4)}–${hi.toFixed(4)}, ` : "";
  return `${score.value === null ? "n/a" : score.value.toFixed(4)} (${ci}n = ${score.n})`;
}
