import { and, eq, lte } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { abTests, useCaseModels } from "@/db/schema";
import type { Actor, ProjectCtx } from "@/lib/auth/context";
import { coalescedRuns } from "@/lib/coalesced-runs";
import { enqueueDeliveries } from "@/lib/jobs/automation-queue";
import { abTestAlerts } from "../alerts/ab-test-alerts";
import { recordAudit } from "../audit";
import { clearDefault } from "../use-cases/models";
import { invalidateRouting } from "../use-cases/routing";
import { type AbTest, armLabel, armsOf, findAbTest, loadAbTests } from "./find";
import { invalidateAbRouting } from "./routing";
import { preferenceOf, srmOf, verdictOf } from "./stats";

/** Makes the winner the use case's default, unless the sample ratio is off or the model left the use case. */
async function autoDeploy(tx: Executor, t: AbTest, winner: number, actor: Actor | null): Promise<string | null> {
  const srm = srmOf(t);
  if (srm.warning) return `Auto-deploy blocked: sample ratio mismatch (p = ${srm.p.toExponential(2)})`;
  const arm = t.arms[winner];
  if (!arm) return null;
  await clearDefault(tx, t.test.useCaseId, arm.modelId);
  const updated = await tx
    .update(useCaseModels)
    .set({ isDefault: true, online: true })
    .where(and(eq(useCaseModels.useCaseId, t.test.useCaseId), eq(useCaseModels.modelId, arm.modelId)))
    .returning({ modelId: useCaseModels.modelId });
  if (!updated.length) return `Auto-deploy skipped: ${arm.modelKey} is no longer attached to the use case`;
  await recordAudit(tx, actor, t.test.projectId, {
    action: "use_case.default_model",
    resourceType: "use_case",
    resourceId: t.test.useCaseId,
    details: { model_id: arm.modelId, model: arm.modelKey, ab_test: t.test.key, auto_deploy: true },
  });
  return null;
}

/**
 * The one place a test completes: a running test whose verdict is in (a winner, or no significant
 * difference at max samples or the end time), auto-deploying a winner when asked. Safe to call from any
 * request or job: only one caller moves the test out of `running`. `actor` null: the system (ends_at job).
 * Returns whether it completed the test now.
 */
export async function settleAbTest(t: AbTest, actor: Actor | null, now = new Date()): Promise<boolean> {
  if (t.test.status !== "running") return false;
  const verdict = verdictOf(t, await preferenceOf(t), now);
  if (verdict.status === "running") return false;
  const done = await db.transaction(async (tx) => {
    const [claimed] = await tx
      .update(abTests)
      .set({ status: "completed", endedAt: now })
      .where(and(eq(abTests.id, t.test.id), eq(abTests.status, "running")))
      .returning({ id: abTests.id });
    if (!claimed) return null;
    // Re-read the sums under the claim, so the stored verdict matches the final counts.
    const fresh = { ...t, arms: await armsOf(t.test.id, tx) };
    const winner = verdict.status === "winner" ? verdict.winner : null;
    const note =
      verdict.status === "winner"
        ? t.test.autoDeploy
          ? await autoDeploy(tx, fresh, verdict.winner, actor)
          : null
        : verdict.reason === "max_samples"
          ? "Stopped at max_samples_per_arm"
          : "Stopped at ends_at";
    const deployed = winner !== null && t.test.autoDeploy && note === null;
    await tx
      .update(abTests)
      .set({ outcome: verdict.status, winnerArm: winner, note, deployedAt: deployed ? now : null })
      .where(eq(abTests.id, t.test.id));
    const deliveryIds = await abTestAlerts(tx, t.test.id, now);
    await recordAudit(tx, actor, t.test.projectId, {
      action: "ab_test.complete",
      resourceType: "ab_test",
      resourceId: t.test.id,
      details: { key: t.test.key, outcome: verdict.status, winner: winner === null ? null : armLabel(winner), deployed, note },
    });
    return deliveryIds;
  });
  if (!done) return false;
  invalidateAbRouting(t.test.useCaseId);
  invalidateRouting(t.test.projectId);
  // Webhooks and emails of the completed alerts leave now; if queueing fails, the outbox sweep sends them.
  await enqueueDeliveries(done).catch((error: Error) => console.error("[ab-tests] queueing alert deliveries:", error.message));
  return true;
}

const feedbackSettles = coalescedRuns<string>();

/**
 * After a feedback that may have decided a test (null: none could have), settle it with the new sums before
 * answering. Once arms have min_samples_per_arm every write gets here: concurrent writers of a test share one
 * settle that starts after their writes (coalescedRuns), completing it as the first of them (ctx.actor).
 */
export async function settleAfterFeedback(ctx: ProjectCtx, testId: string | null): Promise<void> {
  if (testId) await feedbackSettles(testId, async () => void (await settleAbTest(await findAbTest(ctx, { id: testId }), ctx.actor)));
}

/**
 * Completes the running tests whose ends_at has passed (the worker's once-a-minute tick calls this), so a
 * test ends on time even when nobody logs feedback or opens it. Each completes once, with its audit row.
 */
export async function completeEndedAbTests(now = new Date()): Promise<number> {
  const ended = await loadAbTests(and(eq(abTests.status, "running"), lte(abTests.endsAt, now)));
  let completed = 0;
  for (const t of ended) if (await settleAbTest(t, null, now)) completed++;
  return completed;
}
