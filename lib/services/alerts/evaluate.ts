import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { alertEvaluations, alerts, alertTriggers, projects, type RunAlertEvidence, runs } from "@/db/schema";
import { crossesThreshold, formatMetric, inCooldown, metricValue } from "@/lib/automation/alert-metrics";
import { enqueueDeliveries } from "@/lib/jobs/automation-queue";
import { loadTaskScores } from "../reports/compare-load";
import { pairTasks, summarizePairs } from "../reports/compare-pairs";
import { previousCompletedRun } from "../reports/compare";
import { lockAlert, recordAlertEvent } from "./record-event";

type RunRow = typeof runs.$inferSelect;
type TriggerRow = typeof alertTriggers.$inferSelect;

const covers = (ids: string[], id: string) => ids.length === 0 || ids.includes(id);

type Finding = { evidence: RunAlertEvidence; fires: boolean };

function thresholdEvidence(run: RunRow, t: TriggerRow): Finding | null {
  const m = t.metric && metricValue(run, t.metric, t.scorer);
  if (!m || !t.metric || t.threshold === null) return null;
  const fired = crossesThreshold(m.value, t.threshold, t.invert);
  const statement = `${t.metric} ${formatMetric(t.metric, m.value)} is ${fired ? "" : "not "}${t.invert ? "below" : "above"} ${formatMetric(t.metric, t.threshold)}`;
  return {
    evidence: {
      metric: t.metric,
      condition: "threshold",
      value: m.value,
      n: m.n,
      ci: m.ci,
      threshold: t.threshold,
      invert: t.invert,
      statement,
    },
    fires: fired,
  };
}

/**
 * The comparison page's own paired test against the pair's previous completed run (McNemar for
 * pass/fail, paired t for numbers); a regression is a lower score at p below the trigger's level.
 */
async function regressionEvidence(run: RunRow, t: TriggerRow): Promise<Finding | null> {
  const previous = await previousCompletedRun(run);
  if (!previous) return null;
  const paired = pairTasks(await loadTaskScores(previous.id), await loadTaskScores(run.id));
  const s = summarizePairs(paired.tasks, paired.kind, { a: "previous run", b: "this run" });
  if (s.test.p === null || !s.difference) return null;
  const regressed = s.test.p < t.pValue && s.difference.value < 0;
  const evidence: RunAlertEvidence = {
    metric: "score",
    condition: "regression",
    value: s.scores.b,
    n: s.n,
    ci: s.difference.ci,
    previous_run_id: previous.id,
    previous_value: s.scores.a,
    difference: { value: s.difference.value, ci: s.difference.ci },
    test: s.test.name,
    p: s.test.p,
    statement: regressed ? `Significant regression: ${s.test.statement}` : s.test.statement,
  };
  return { evidence, fires: regressed };
}

/**
 * Evaluates every enabled trigger of the run's project that covers its model and benchmark, each exactly
 * once: the (run, trigger) evaluation row is claimed in the transaction that records the event, and the
 * alert row is locked there so two runs completing together respect one cooldown.
 */
export async function evaluateAlerts(runId: string, now = new Date()): Promise<number> {
  const [run] = await db.select().from(runs).where(eq(runs.id, runId));
  if (run?.status !== "completed") return 0;
  const [project] = await db.select({ key: projects.key }).from(projects).where(eq(projects.id, run.projectId));
  const candidates = await db
    .select({ trigger: alertTriggers })
    .from(alertTriggers)
    .innerJoin(alerts, eq(alerts.id, alertTriggers.alertId))
    .where(and(eq(alerts.projectId, run.projectId), eq(alerts.enabled, true), eq(alertTriggers.kind, "run")));
  let fired = 0;
  for (const { trigger: t } of candidates) {
    if (!covers(t.modelIds, run.modelId) || !covers(t.benchmarkIds, run.benchmarkId)) continue;
    const result = t.condition === "threshold" ? thresholdEvidence(run, t) : await regressionEvidence(run, t);
    const deliveryIds = await db.transaction(async (tx) => {
      const alert = await lockAlert(tx, t.alertId);
      if (!alert) return [];
      const outcome = !result
        ? "no_data"
        : !result.fires
          ? "quiet"
          : inCooldown(alert.lastFiredAt, alert.cooldownMinutes, now)
            ? "cooldown"
            : "fired";
      const claimed = await tx
        .insert(alertEvaluations)
        .values({ runId: run.id, triggerId: t.id, outcome })
        .onConflictDoNothing()
        .returning();
      if (claimed.length === 0 || outcome !== "fired" || !result) return [];
      fired += 1;
      return recordAlertEvent(
        tx,
        alert,
        {
          projectKey: project?.key ?? "",
          triggerId: t.id,
          subject: { runId: run.id, modelId: run.modelId, benchmarkId: run.benchmarkId },
          evidence: result.evidence,
          data: { run_id: run.id, model_id: run.modelId, benchmark_id: run.benchmarkId },
        },
        now,
      );
    });
    await enqueueDeliveries(deliveryIds);
  }
  return fired;
}
