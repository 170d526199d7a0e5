import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { abTestArms, abTestBuckets, abTests, abTestUsers, abTestValues, interactions } from "@/db/schema";
import { bucketFor } from "@/lib/scoring/ab/buckets";
import { applyValue, type ClusterTotals, EMPTY_ARM, EMPTY_CLUSTER, valueDelta } from "@/lib/scoring/ab/moments";

export const armIndex = (label: string) => label.charCodeAt(0) - 65;

type Written = { value: number; bucket: Date; previous: number | null };

/** Records (interaction, user) → value and returns the value it replaces: repeated clicks replace, never add. */
async function writeValue(
  tx: Executor,
  testId: string,
  arm: number,
  interactionId: string,
  user: string,
  value: number,
  bucket: Date,
): Promise<Written> {
  const inserted = await tx
    .insert(abTestValues)
    .values({ testId, interactionId, endUser: user, arm, value, bucket })
    .onConflictDoNothing()
    .returning({ bucket: abTestValues.bucket });
  if (inserted.length) return { value, bucket, previous: null };
  const where = and(eq(abTestValues.testId, testId), eq(abTestValues.interactionId, interactionId), eq(abTestValues.endUser, user));
  const [old] = await tx.select({ value: abTestValues.value, bucket: abTestValues.bucket }).from(abTestValues).where(where).for("update");
  await tx.update(abTestValues).set({ value }).where(where);
  return { value, bucket: old?.bucket ?? bucket, previous: old?.value ?? null };
}

/** The user's totals in the arm before this value (a feedback without a user is its interaction's own cluster). */
async function clusterBefore(tx: Executor, testId: string, arm: number, user: string, written: Written): Promise<ClusterTotals> {
  if (!user) return written.previous === null ? EMPTY_CLUSTER : { n: 1, sum: written.previous };
  const delta = valueDelta(written.previous, written.value);
  const [after] = await tx
    .insert(abTestUsers)
    .values({ testId, arm, endUser: user, n: delta.n, sum: delta.sum })
    .onConflictDoUpdate({
      target: [abTestUsers.testId, abTestUsers.arm, abTestUsers.endUser],
      set: { n: sql`${abTestUsers.n} + ${delta.n}`, sum: sql`${abTestUsers.sum} + ${delta.sum}` },
    })
    .returning({ n: abTestUsers.n, sum: abTestUsers.sum });
  return { n: (after?.n ?? 0) - delta.n, sum: (after?.sum ?? 0) - delta.sum };
}

/**
 * Counts a metric feedback for the running test its interaction belongs to, when the test is decided by
 * this key: the arm's running sums and its time bucket move by the change, inside the caller's transaction.
 * Returns the test's id when it may now have a verdict (this arm has min_samples_per_arm), else null.
 */
export async function countMetricFeedback(
  tx: Executor,
  feedback: { interactionId: string; feedbackKeyId: string; value: number; user: string | null },
  now = new Date(),
): Promise<string | null> {
  const [target] = await tx
    .select({ testId: abTests.id, arm: interactions.abArm, minSamples: abTests.minSamplesPerArm, startedAt: abTests.createdAt })
    .from(interactions)
    .innerJoin(abTests, eq(abTests.id, interactions.abTestId))
    .where(
      and(
        eq(interactions.id, feedback.interactionId),
        eq(abTests.status, "running"),
        eq(abTests.feedbackType, "metric"),
        eq(abTests.feedbackKeyId, feedback.feedbackKeyId),
      ),
    );
  if (!target?.arm) return null;
  const arm = armIndex(target.arm);
  const user = feedback.user ?? "";
  const written = await writeValue(tx, target.testId, arm, feedback.interactionId, user, feedback.value, bucketFor(now, target.startedAt));
  const before = await clusterBefore(tx, target.testId, arm, user, written);
  const d = applyValue(EMPTY_ARM, before, written.previous, written.value).arm; // the change alone: every sum moves additively
  const [updated] = await tx
    .update(abTestArms)
    .set({
      n: sql`${abTestArms.n} + ${d.n}`,
      sum: sql`${abTestArms.sum} + ${d.sum}`,
      sumSq: sql`${abTestArms.sumSq} + ${d.sumSq}`,
      clusters: sql`${abTestArms.clusters} + ${d.clusters}`,
      clusterSumSq: sql`${abTestArms.clusterSumSq} + ${d.clusterSumSq}`,
      clusterCross: sql`${abTestArms.clusterCross} + ${d.clusterCross}`,
      clusterSizeSq: sql`${abTestArms.clusterSizeSq} + ${d.clusterSizeSq}`,
    })
    .where(and(eq(abTestArms.testId, target.testId), eq(abTestArms.arm, arm)))
    .returning({ n: abTestArms.n });
  await tx
    .insert(abTestBuckets)
    .values({ testId: target.testId, arm, start: written.bucket, n: d.n, sum: d.sum, sumSq: d.sumSq })
    .onConflictDoUpdate({
      target: [abTestBuckets.testId, abTestBuckets.arm, abTestBuckets.start],
      set: {
        n: sql`${abTestBuckets.n} + ${d.n}`,
        sum: sql`${abTestBuckets.sum} + ${d.sum}`,
        sumSq: sql`${abTestBuckets.sumSq} + ${d.sumSq}`,
      },
    });
  return (updated?.n ?? 0) >= target.minSamples ? target.testId : null;
}
