import { and, count, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { alertEvents, alerts, alertTriggers, benchmarks, models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page } from "@/lib/http/pagination";

type AlertRow = typeof alerts.$inferSelect;
type TriggerRow = typeof alertTriggers.$inferSelect;

export const serializeTrigger = (t: TriggerRow) =>
  t.kind === "run"
    ? {
        id: t.id,
        kind: t.kind,
        metric: t.metric,
        scorer: t.scorer,
        model_ids: t.modelIds,
        benchmark_ids: t.benchmarkIds,
        condition: t.condition,
        threshold: t.threshold,
        invert: t.invert,
        p_value: t.pValue,
      }
    : { id: t.id, kind: t.kind, use_case_ids: t.useCaseIds };

export function serializeAlert(a: AlertRow, triggers: TriggerRow[]) {
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    cooldown_minutes: a.cooldownMinutes,
    enabled: a.enabled,
    last_fired_at: a.lastFiredAt?.toISOString() ?? null,
    triggers: triggers.filter((t) => t.alertId === a.id).map(serializeTrigger),
    created_at: a.createdAt.toISOString(),
  };
}

export async function getAlertRow(ctx: ProjectCtx, id: string) {
  const [row] = await db
    .select()
    .from(alerts)
    .where(and(eq(alerts.id, id), eq(alerts.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Alert not found");
  return row;
}

export async function listAlerts(ctx: ProjectCtx) {
  const rows = await db.select().from(alerts).where(eq(alerts.projectId, ctx.project.id)).orderBy(alerts.name);
  const ids = rows.map((r) => r.id);
  const triggers = ids.length ? await db.select().from(alertTriggers).where(inArray(alertTriggers.alertId, ids)) : [];
  const counts = ids.length
    ? await db
        .select({ alertId: alertEvents.alertId, n: count() })
        .from(alertEvents)
        .where(inArray(alertEvents.alertId, ids))
        .groupBy(alertEvents.alertId)
    : [];
  return rows.map((a) => ({ ...serializeAlert(a, triggers), event_count: counts.find((c) => c.alertId === a.id)?.n ?? 0 }));
}

export async function getAlert(ctx: ProjectCtx, id: string) {
  const row = await getAlertRow(ctx, id);
  const triggers = await db.select().from(alertTriggers).where(eq(alertTriggers.alertId, id));
  return serializeAlert(row, triggers);
}

/** An alert's events, newest first, with the run's model and benchmark names. */
export async function listAlertEvents(ctx: ProjectCtx, alertId: string, page: Page) {
  await getAlertRow(ctx, alertId);
  const where = and(eq(alertEvents.alertId, alertId), eq(alertEvents.projectId, ctx.project.id));
  const rows = await db
    .select({ event: alertEvents, model: models.name, benchmark: benchmarks.name })
    .from(alertEvents)
    .leftJoin(models, eq(models.id, alertEvents.modelId))
    .leftJoin(benchmarks, eq(benchmarks.id, alertEvents.benchmarkId))
    .where(where)
    .orderBy(desc(alertEvents.createdAt))
    .limit(page.per_page)
    .offset((page.page - 1) * page.per_page);
  const [total] = await db.select({ n: count() }).from(alertEvents).where(where);
  return {
    items: rows.map(({ event: e, model, benchmark }) => ({
      id: e.id,
      trigger_id: e.triggerId,
      run_id: e.runId,
      ab_test_id: e.abTestId,
      model: e.modelId ? { id: e.modelId, name: model } : null,
      benchmark: e.benchmarkId ? { id: e.benchmarkId, name: benchmark } : null,
      evidence: e.evidence,
      created_at: e.createdAt.toISOString(),
    })),
    count: total?.n ?? 0,
    page: page.page,
    per_page: page.per_page,
  };
}
