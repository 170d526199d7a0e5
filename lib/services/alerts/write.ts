import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { alerts, alertTriggers, subscriptions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { CreateAlert, Trigger, UpdateAlert } from "@/lib/validation/automation";
import { recordAudit } from "../audit";
import { getAlert, getAlertRow } from "./read";

const triggerRow = (alertId: string, t: Trigger) =>
  t.kind === "run"
    ? {
        alertId,
        kind: t.kind,
        metric: t.metric,
        scorer: t.scorer,
        modelIds: t.model_ids,
        benchmarkIds: t.benchmark_ids,
        condition: t.condition,
        threshold: t.threshold,
        invert: t.invert,
        pValue: t.p_value,
      }
    : { alertId, kind: t.kind, useCaseIds: t.use_case_ids };

async function replaceTriggers(tx: Executor, alertId: string, triggers: Trigger[]) {
  await tx.delete(alertTriggers).where(eq(alertTriggers.alertId, alertId));
  await tx.insert(alertTriggers).values(triggers.map((t) => triggerRow(alertId, t)));
}

export async function createAlert(ctx: ProjectCtx, input: CreateAlert) {
  const id = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(alerts)
      .values({
        projectId: ctx.project.id,
        name: input.name,
        description: input.description,
        cooldownMinutes: input.cooldown_minutes,
        enabled: input.enabled,
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await replaceTriggers(tx, row.id, input.triggers);
    if (input.notify_me)
      await tx.insert(subscriptions).values({ projectId: ctx.project.id, userId: ctx.actor.userId, kind: "in_app", alertId: row.id });
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "alert.create",
      resourceType: "alert",
      resourceId: row.id,
      details: { name: row.name, triggers: input.triggers.length },
    });
    return row.id;
  });
  return getAlert(ctx, id);
}

/** New triggers replace the old ones (their past evaluations go with them; events stay). */
export async function updateAlert(ctx: ProjectCtx, id: string, input: UpdateAlert) {
  await getAlertRow(ctx, id);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(alerts)
      .set({
        name: input.name,
        description: input.description,
        cooldownMinutes: input.cooldown_minutes,
        enabled: input.enabled,
        updatedAt: new Date(),
      })
      .where(and(eq(alerts.id, id), eq(alerts.projectId, ctx.project.id)))
      .returning();
    if (!row) throw new AppError("not_found", "Alert not found");
    if (input.triggers) await replaceTriggers(tx, id, input.triggers);
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "alert.update",
      resourceType: "alert",
      resourceId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return getAlert(ctx, id);
}

export async function deleteAlert(ctx: ProjectCtx, id: string): Promise<void> {
  const row = await getAlertRow(ctx, id);
  await db.transaction(async (tx) => {
    await tx.delete(alerts).where(and(eq(alerts.id, id), eq(alerts.projectId, ctx.project.id)));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "alert.delete",
      resourceType: "alert",
      resourceId: id,
      details: { name: row.name },
    });
  });
}
