import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  type AbAlertEvidence,
  abTests,
  type AlertTriggerKind,
  alertAbEvaluations,
  alerts,
  alertTriggers,
  feedbackKeys,
  projects,
} from "@/db/schema";
import { inCooldown } from "@/lib/automation/alert-metrics";
import { enqueueDeliveries } from "@/lib/jobs/automation-queue";
import { armEstimate } from "@/lib/scoring/ab/arm-estimate";
import { armLabel, armsOf } from "../ab-tests/find";
import { srmOf } from "../ab-tests/stats";
import { lockAlert, recordAlertEvent } from "./record-event";

type TestRow = typeof abTests.$inferSelect;
type LoadedTest = { test: TestRow; projectKey: string; kind: "bool" | "scalar"; arms: Awaited<ReturnType<typeof armsOf>> };

const finite = (x: number) => (Number.isFinite(x) ? x : null);

async function loadTest(tx: Executor, testId: string): Promise<LoadedTest | null> {
  const [row] = await tx
    .select({ test: abTests, projectKey: projects.key, kind: feedbackKeys.kind })
    .from(abTests)
    .innerJoin(projects, eq(projects.id, abTests.projectId))
    .innerJoin(feedbackKeys, eq(feedbackKeys.id, abTests.feedbackKeyId))
    .where(eq(abTests.id, testId));
  return row ? { ...row, arms: await armsOf(testId, tx) } : null;
}

/** The test as the alert saw it: outcome, each arm's assigned requests, feedback n and mean with its 95% interval, and the SRM test. */
export function abEvidence(t: LoadedTest, kind: AbAlertEvidence["kind"]): AbAlertEvidence {
  const srm = srmOf(t);
  const arms = t.arms.map((a, i) => {
    const e = armEstimate(a, t.kind);
    const ci = e.ci && Number.isFinite(e.ci[0]) && Number.isFinite(e.ci[1]) ? ([e.ci[0], e.ci[1]] as [number, number]) : null;
    return { arm: armLabel(i), model: a.modelKey, assigned: a.assigned, n: a.n, value: finite(e.value), ci };
  });
  const winner = t.test.winnerArm === null ? null : armLabel(t.test.winnerArm);
  const name = `A/B test "${t.test.key}"`;
  const counts = arms.map((a) => `${a.arm} ${a.assigned}`).join(", ");
  const statement =
    kind === "ab_test_srm"
      ? `${name}: sample ratio mismatch (chi-square ${srm.chiSquare.toFixed(1)}, p = ${srm.p.toExponential(2)}; assigned ${counts})`
      : winner
        ? `${name} completed: ${winner} (${arms.find((a) => a.arm === winner)?.model}) wins`
        : `${name} completed with no significant difference${t.test.note ? ` (${t.test.note})` : ""}`;
  return {
    kind,
    ab_test: { id: t.test.id, key: t.test.key },
    outcome: t.test.outcome,
    winner,
    arms,
    srm: { chi_square: srm.chiSquare, df: srm.df, p: srm.p },
    link: `/${t.projectKey}/ab-tests/${t.test.key}`,
    statement,
  };
}

async function triggersFor(tx: Executor, test: TestRow, kind: AlertTriggerKind) {
  const rows = await tx
    .select({ trigger: alertTriggers })
    .from(alertTriggers)
    .innerJoin(alerts, eq(alerts.id, alertTriggers.alertId))
    .where(and(eq(alerts.projectId, test.projectId), eq(alerts.enabled, true), eq(alertTriggers.kind, kind)));
  return rows.map((r) => r.trigger).filter((t) => t.useCaseIds.length === 0 || t.useCaseIds.includes(test.useCaseId));
}

/**
 * Fires every enabled trigger of `kind` covering the test, each at most once per test: the (test, trigger)
 * claim is taken in the caller's transaction with the event, the cooldown outcome is claimed too.
 */
async function fireForTest(tx: Executor, t: LoadedTest, kind: AbAlertEvidence["kind"], now: Date): Promise<string[]> {
  const deliveryIds: string[] = [];
  for (const trigger of await triggersFor(tx, t.test, kind)) {
    const alert = await lockAlert(tx, trigger.alertId);
    if (!alert) continue;
    const outcome = inCooldown(alert.lastFiredAt, alert.cooldownMinutes, now) ? "cooldown" : "fired";
    const [claimed] = await tx
      .insert(alertAbEvaluations)
      .values({ testId: t.test.id, triggerId: trigger.id, outcome })
      .onConflictDoNothing()
      .returning();
    if (!claimed || outcome !== "fired") continue;
    const evidence = abEvidence(t, kind);
    const firing = {
      projectKey: t.projectKey,
      triggerId: trigger.id,
      subject: { abTestId: t.test.id },
      evidence,
      data: { ab_test: evidence.ab_test },
    };
    deliveryIds.push(...(await recordAlertEvent(tx, alert, firing, now)));
  }
  return deliveryIds;
}

/**
 * Called in the transaction that completes an A/B test, after its outcome is stored: fires its
 * ab_test_completed triggers. Returns their deliveries, which the caller queues once it has committed.
 */
export async function abTestAlerts(tx: Executor, testId: string, now = new Date()): Promise<string[]> {
  const t = await loadTest(tx, testId);
  return t?.test.status === "completed" ? fireForTest(tx, t, "ab_test_completed", now) : [];
}

/**
 * The periodic SRM watch over running tests of projects with an ab_test_srm trigger: fires once per test
 * and trigger while the mismatch lasts; when it clears, the claims go, so a mismatch that returns fires again.
 */
export async function checkAbTestSrm(now = new Date()): Promise<void> {
  const watched = await db
    .selectDistinct({ projectId: alerts.projectId })
    .from(alertTriggers)
    .innerJoin(alerts, eq(alerts.id, alertTriggers.alertId))
    .where(and(eq(alerts.enabled, true), eq(alertTriggers.kind, "ab_test_srm")));
  if (watched.length === 0) return;
  const running = await db
    .select({ id: abTests.id })
    .from(abTests)
    .where(
      and(
        eq(abTests.status, "running"),
        inArray(
          abTests.projectId,
          watched.map((w) => w.projectId),
        ),
      ),
    );
  for (const { id } of running) {
    const deliveryIds = await db.transaction(async (tx) => {
      const t = await loadTest(tx, id);
      if (t?.test.status !== "running") return [];
      if (srmOf(t).warning) return fireForTest(tx, t, "ab_test_srm", now);
      const srmTriggers = tx.select({ id: alertTriggers.id }).from(alertTriggers).where(eq(alertTriggers.kind, "ab_test_srm"));
      await tx.delete(alertAbEvaluations).where(and(eq(alertAbEvaluations.testId, id), inArray(alertAbEvaluations.triggerId, srmTriggers)));
      return [];
    });
    await enqueueDeliveries(deliveryIds);
  }
}
