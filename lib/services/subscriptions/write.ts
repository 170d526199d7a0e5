import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { deliveries, subscriptions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { emailEnabled } from "@/lib/automation/mailer";
import { AppError } from "@/lib/errors";
import { enqueueDeliveries } from "@/lib/jobs/automation-queue";
import { encryptSecret } from "@/lib/providers/secrets";
import { assertSafeUrl } from "@/lib/providers/url-safety";
import type { CreateSubscription } from "@/lib/validation/automation";
import { getAlertRow } from "../alerts/read";
import { recordAudit } from "../audit";
import { getBenchmarkRow } from "../benchmarks/access";
import { getModelRow } from "../models/read";
import { getSubscriptionRow, serializeSubscription } from "./read";

/** Subscribes a destination; a webhook's signing secret is in this response only. */
export async function createSubscription(ctx: ProjectCtx, input: CreateSubscription) {
  if (input.alert_id)
    await getAlertRow(ctx, input.alert_id).catch(() => Promise.reject(AppError.field("alert_id", "Alert not found", "not_found")));
  if (input.model_id)
    await getModelRow(ctx, { id: input.model_id }).catch(() => Promise.reject(AppError.field("model_id", "Model not found", "not_found")));
  if (input.benchmark_id)
    await getBenchmarkRow(ctx, input.benchmark_id).catch(() =>
      Promise.reject(AppError.field("benchmark_id", "Benchmark not found", "not_found")),
    );
  if (input.kind === "webhook" && input.url) await assertSafeUrl(input.url, "url");
  if (input.kind === "email" && !emailEnabled())
    throw AppError.field("kind", "Email needs YARDSTICK_SMTP_URL on the server", "unprocessable");
  const secret = input.kind === "webhook" ? `whsec_${randomBytes(24).toString("base64url")}` : null;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(subscriptions)
      .values({
        projectId: ctx.project.id,
        userId: ctx.actor.userId,
        kind: input.kind,
        url: input.kind === "webhook" ? input.url : null,
        email: input.kind === "email" ? input.email : null,
        secretEncrypted: secret ? encryptSecret(secret) : null,
        alertId: input.alert_id ?? null,
        runEvents: input.run_events,
        modelId: input.model_id ?? null,
        benchmarkId: input.benchmark_id ?? null,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "subscription.create",
      resourceType: "subscription",
      resourceId: row.id,
      details: { kind: row.kind, alert_id: row.alertId, run_events: row.runEvents },
    });
    return { ...serializeSubscription(row), secret };
  });
}

export async function deleteSubscription(ctx: ProjectCtx, id: string): Promise<void> {
  await getSubscriptionRow(ctx, id);
  await db.transaction(async (tx) => {
    await tx.delete(subscriptions).where(and(eq(subscriptions.id, id), eq(subscriptions.projectId, ctx.project.id)));
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "subscription.delete", resourceType: "subscription", resourceId: id });
  });
}

/** Sends a delivery again (same event id, so the receiver can de-duplicate), with a fresh set of retries. */
export async function redeliver(ctx: ProjectCtx, subscriptionId: string, deliveryId: string) {
  await getSubscriptionRow(ctx, subscriptionId);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(deliveries)
      .set({ status: "pending", queuedAt: null })
      .where(and(eq(deliveries.id, deliveryId), eq(deliveries.subscriptionId, subscriptionId)))
      .returning();
    if (!row) throw new AppError("not_found", "Delivery not found");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "subscription.redeliver",
      resourceType: "subscription",
      resourceId: subscriptionId,
      details: { delivery_id: deliveryId },
    });
  });
  await enqueueDeliveries([deliveryId]);
  return { id: deliveryId, status: "pending" };
}
