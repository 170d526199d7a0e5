import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { abTestArms, abTestPairs, abTestPreferences, abTests, interactions } from "@/db/schema";
import { outcomeDelta, type PreferenceOutcome } from "@/lib/scoring/ab/pairwise";
import { armIndex } from "./metric-feedback";

/** Records the outcome for (pair of completions, user) and returns the one it replaces (latest wins). */
async function writeOutcome(tx: Executor, testId: string, aId: string, bId: string, user: string, outcome: PreferenceOutcome) {
  const inserted = await tx
    .insert(abTestPreferences)
    .values({ testId, aId, bId, endUser: user, outcome })
    .onConflictDoNothing()
    .returning({ outcome: abTestPreferences.outcome });
  if (inserted.length) return null;
  const where = and(
    eq(abTestPreferences.testId, testId),
    eq(abTestPreferences.aId, aId),
    eq(abTestPreferences.bId, bId),
    eq(abTestPreferences.endUser, user),
  );
  const [old] = await tx.select({ outcome: abTestPreferences.outcome }).from(abTestPreferences).where(where).for("update");
  await tx.update(abTestPreferences).set({ outcome }).where(where);
  return old?.outcome ?? null;
}

/**
 * Counts a preference between two completions from different arms of one running preference test decided
 * by this key, in the caller's transaction. Returns the test's id when it may now have a verdict (enough
 * comparisons for every arm to have min_samples_per_arm), else null: the bootstrap is not run for nothing.
 */
export async function countPreferenceFeedback(
  tx: Executor,
  feedback: { preferredId: string; otherId: string; tied: boolean; feedbackKeyId: string; user: string | null },
): Promise<string | null> {
  const rows = await tx
    .select({ id: interactions.id, testId: abTests.id, arm: interactions.abArm })
    .from(interactions)
    .innerJoin(abTests, eq(abTests.id, interactions.abTestId))
    .where(
      and(
        inArray(interactions.id, [feedback.preferredId, feedback.otherId]),
        eq(abTests.status, "running"),
        eq(abTests.feedbackType, "preference"),
        eq(abTests.feedbackKeyId, feedback.feedbackKeyId),
      ),
    );
  const preferred = rows.find((r) => r.id === feedback.preferredId);
  const other = rows.find((r) => r.id === feedback.otherId);
  if (!preferred?.arm || !other?.arm || preferred.testId !== other.testId || preferred.arm === other.arm) return null;
  const preferredFirst = armIndex(preferred.arm) < armIndex(other.arm);
  const [low, high] = preferredFirst ? [preferred, other] : [other, preferred];
  const outcome: PreferenceOutcome = feedback.tied ? "tie" : preferredFirst ? "a" : "b";
  const previous = await writeOutcome(tx, preferred.testId, low.id, high.id, feedback.user ?? "", outcome);
  const d = outcomeDelta(previous, outcome);
  await tx
    .insert(abTestPairs)
    .values({ testId: preferred.testId, armA: armIndex(low.arm as string), armB: armIndex(high.arm as string), ...d })
    .onConflictDoUpdate({
      target: [abTestPairs.testId, abTestPairs.armA, abTestPairs.armB],
      set: {
        winsA: sql`${abTestPairs.winsA} + ${d.winsA}`,
        winsB: sql`${abTestPairs.winsB} + ${d.winsB}`,
        ties: sql`${abTestPairs.ties} + ${d.ties}`,
      },
    });
  const [ready] = await tx.execute<{ ready: boolean }>(sql`
    select coalesce(sum(${abTestPairs.winsA} + ${abTestPairs.winsB} + ${abTestPairs.ties}), 0) * 2 >=
      (select ${abTests.minSamplesPerArm} from ${abTests} where ${abTests.id} = ${preferred.testId}) *
      (select count(*) from ${abTestArms} where ${abTestArms.testId} = ${preferred.testId}) as ready
    from ${abTestPairs} where ${abTestPairs.testId} = ${preferred.testId}`);
  return ready?.ready ? preferred.testId : null;
}
