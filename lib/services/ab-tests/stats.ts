import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { abTestBuckets, abTestPairs } from "@/db/schema";
import { armEstimate } from "@/lib/scoring/ab/arm-estimate";
import { cumulativeSeries, trafficShares } from "@/lib/scoring/ab/buckets";
import { decideMetric, pairwiseAlpha, plannedN, type Verdict } from "@/lib/scoring/ab/decision";
import { armDifference } from "@/lib/scoring/ab/difference";
import { sequentialDifference } from "@/lib/scoring/ab/confidence-sequence";
import type { ArmMoments } from "@/lib/scoring/ab/moments";
import { pairwiseFromRows } from "@/lib/scoring/ab/pairwise";
import { decidePreference, type PreferenceStats, preferenceStats } from "@/lib/scoring/ab/preference";
import { sampleRatioMismatch } from "@/lib/scoring/ab/srm";
import { type AbTest, armLabel } from "./find";

const MAX_POINTS = 120;

function ruleOf(test: AbTest["test"]) {
  return { minSamplesPerArm: test.minSamplesPerArm, maxSamplesPerArm: test.maxSamplesPerArm, endsAt: test.endsAt };
}

/** Each arm's planned share of the test's requests: arms are drawn uniformly. */
export function srmOf(t: Pick<AbTest, "arms">) {
  return sampleRatioMismatch(
    t.arms.map((a) => a.assigned),
    t.arms.map(() => 1),
  );
}

/** The verdict from the running sums alone (metric tests) or the pairwise counts (preference tests). */
export function verdictOf(t: AbTest, preference: PreferenceStats | null, now = new Date()): Verdict {
  if (t.test.feedbackType === "preference" && preference) return decidePreference(preference, ruleOf(t.test), now);
  return decideMetric(t.arms as ArmMoments[], t.feedbackKey.scoringType, ruleOf(t.test), now);
}

export async function preferenceOf(t: AbTest, tx: Executor = db): Promise<PreferenceStats | null> {
  if (t.test.feedbackType !== "preference") return null;
  const rows = await tx.select().from(abTestPairs).where(eq(abTestPairs.testId, t.test.id));
  const counts = pairwiseFromRows(
    t.arms.length,
    rows.map((r) => ({ a: r.armA, b: r.armB, winsA: r.winsA, winsB: r.winsB, ties: r.ties })),
  );
  return preferenceStats(counts, { seed: 0 });
}

const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} points`;
const num = (x: number) => `${x >= 0 ? "+" : ""}${x.toPrecision(3)}`;

/** Per-arm figures, each arm against the control (fixed and always-valid intervals) and a plain statement. */
export function metricArms(t: AbTest) {
  const kind = t.feedbackKey.kind;
  const arms = t.arms as ArmMoments[];
  const control = arms[0] as ArmMoments;
  const options = { alpha: pairwiseAlpha(arms.length), plannedN: plannedN(t.test.maxSamplesPerArm) };
  const sign = t.feedbackKey.scoringType === "higher_is_better" ? 1 : -1;
  const format = kind === "bool" ? pct : num;
  return t.arms.map((a, i) => {
    const estimate = armEstimate(a, kind);
    const base = { arm: armLabel(i), model: a.modelKey, model_name: a.modelName, assigned: a.assigned, ...estimate };
    if (i === 0) return { ...base, difference: null, sequence: null, statement: null };
    const difference = armDifference(a, control, kind);
    const sequence = sequentialDifference(a, control, options);
    const [lo, hi] = sequence.ci ?? [Number.NaN, Number.NaN];
    const evidence = `${format(sequence.value)}, always-valid 95% interval ${format(lo)} to ${format(hi)}, n = ${a.n} vs ${control.n}`;
    const better = sign > 0 ? lo > 0 : hi < 0;
    const worse = sign > 0 ? hi < 0 : lo > 0;
    const statement = better
      ? `${armLabel(i)} beats A (${evidence})`
      : worse
        ? `A beats ${armLabel(i)} (${evidence})`
        : `No significant difference between ${armLabel(i)} and A yet (${evidence})`;
    return { ...base, difference, sequence, statement };
  });
}

type BucketSums = { arm: number; start: Date; assigned: number; n: number; sum: number; sum_sq: number; period_s: number };

/**
 * Per-minute sums merged in the database into at most MAX_POINTS periods (whole minutes), so a month-long
 * test still reads about MAX_POINTS rows per arm.
 */
export async function seriesOf(t: AbTest, tx: Executor = db) {
  const rows = (await tx.execute(sql`
    with span as (
      select min(${abTestBuckets.start}) as lo,
             greatest(60, ceil(extract(epoch from max(${abTestBuckets.start}) - min(${abTestBuckets.start}) + interval '1 minute') / 60 / ${MAX_POINTS}) * 60) as period_s
      from ${abTestBuckets} where ${abTestBuckets.testId} = ${t.test.id}
    )
    select b.arm, date_bin(make_interval(secs => span.period_s), b.start, span.lo) as start, span.period_s::int as period_s,
           sum(b.assigned)::int as assigned, sum(b.n)::int as n, sum(b.sum)::float8 as sum, sum(b.sum_sq)::float8 as sum_sq
    from ${abTestBuckets} b, span
    where b.test_id = ${t.test.id}
    group by 1, 2, 3
    order by 2`)) as unknown as BucketSums[];
  const period = (rows[0]?.period_s ?? 60) * 1000;
  const at = (r: BucketSums) => new Date(r.start).getTime();
  const points = cumulativeSeries(
    rows
      .filter((r) => r.n !== 0 || r.sum !== 0)
      .map((r) => ({ arm: r.arm, start: at(r), moments: { n: r.n, sum: r.sum, sumSq: r.sum_sq } })),
    t.arms.length,
    0,
    t.feedbackKey.kind,
    { alpha: pairwiseAlpha(t.arms.length), plannedN: plannedN(t.test.maxSamplesPerArm) },
  );
  const traffic = trafficShares(
    rows.filter((r) => r.assigned > 0).map((r) => ({ arm: r.arm, start: at(r), count: r.assigned })),
    t.arms.length,
  );
  return { period_ms: period, points, traffic };
}
