import { inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { abTestArms, abTestBuckets, abTests } from "@/db/schema";
import { bucketFor } from "@/lib/scoring/ab/buckets";
import { armIndex } from "./metric-feedback";

type Assigned = { abTestId?: string | null; abArm?: string | null; createdAt?: Date | null };

/**
 * Counts the test interactions just written (the interaction log's flush calls this), per arm and per
 * minute: the traffic figures and the sample-ratio check read these counters, never the interactions.
 */
export async function countAssignments(rows: readonly Assigned[], now = new Date()): Promise<void> {
  const testIds = [...new Set(rows.flatMap((r) => (r.abTestId && r.abArm ? [r.abTestId] : [])))];
  if (!testIds.length) return;
  const tests = await db.select({ id: abTests.id, startedAt: abTests.createdAt }).from(abTests).where(inArray(abTests.id, testIds));
  const startedAt = new Map(tests.map((t) => [t.id, t.startedAt]));
  const counts = new Map<string, { testId: string; arm: number; start: Date; count: number }>();
  for (const row of rows) {
    const started = row.abTestId ? startedAt.get(row.abTestId) : undefined;
    if (!row.abTestId || !row.abArm || !started) continue;
    const start = bucketFor(row.createdAt ?? now, started);
    const id = `${row.abTestId}|${row.abArm}|${start.getTime()}`;
    const entry = counts.get(id) ?? { testId: row.abTestId, arm: armIndex(row.abArm), start, count: 0 };
    entry.count++;
    counts.set(id, entry);
  }
  if (!counts.size) return;
  const entries = [...counts.values()];
  await db.transaction(async (tx) => {
    await tx
      .insert(abTestBuckets)
      .values(entries.map((e) => ({ testId: e.testId, arm: e.arm, start: e.start, assigned: e.count })))
      .onConflictDoUpdate({
        target: [abTestBuckets.testId, abTestBuckets.arm, abTestBuckets.start, abTestBuckets.shard],
        set: { assigned: sql`${abTestBuckets.assigned} + excluded.assigned` },
      });
    const perArm = new Map<string, { testId: string; arm: number; count: number }>();
    for (const e of entries) {
      const key = `${e.testId}|${e.arm}`;
      perArm.set(key, { testId: e.testId, arm: e.arm, count: (perArm.get(key)?.count ?? 0) + e.count });
    }
    for (const { testId, arm, count } of perArm.values()) {
      await tx
        .update(abTestArms)
        .set({ assigned: sql`${abTestArms.assigned} + ${count}` })
        .where(sql`${abTestArms.testId} = ${testId} and ${abTestArms.arm} = ${arm}`);
    }
  });
}
