import { and, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { deliveries, deliveryAttempts, events, subscriptions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

type SubscriptionRow = typeof subscriptions.$inferSelect;

/** Never the secret: it is shown once, when the subscription is created. */
export const serializeSubscription = (s: SubscriptionRow) => ({
  id: s.id,
  kind: s.kind,
  url: s.url,
  email: s.email,
  user_id: s.userId,
  alert_id: s.alertId,
  run_events: s.runEvents,
  model_id: s.modelId,
  benchmark_id: s.benchmarkId,
  enabled: s.enabled,
  created_at: s.createdAt.toISOString(),
});

export async function getSubscriptionRow(ctx: ProjectCtx, id: string) {
  const [row] = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.id, id), eq(subscriptions.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Subscription not found");
  return row;
}

export async function listSubscriptions(ctx: ProjectCtx, filter: { alert_id?: string } = {}) {
  const rows = await db
    .select()
    .from(subscriptions)
    .where(and(eq(subscriptions.projectId, ctx.project.id), filter.alert_id ? eq(subscriptions.alertId, filter.alert_id) : undefined))
    .orderBy(desc(subscriptions.createdAt));
  return rows.map(serializeSubscription);
}

/** A subscription's latest deliveries, each with its attempts (status code or error): the delivery log. */
export async function listDeliveries(ctx: ProjectCtx, subscriptionId: string) {
  await getSubscriptionRow(ctx, subscriptionId);
  const rows = await db
    .select({ delivery: deliveries, type: events.type, title: events.title })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .where(eq(deliveries.subscriptionId, subscriptionId))
    .orderBy(desc(deliveries.createdAt))
    .limit(50);
  const ids = rows.map((r) => r.delivery.id);
  const attempts = ids.length
    ? await db.select().from(deliveryAttempts).where(inArray(deliveryAttempts.deliveryId, ids)).orderBy(deliveryAttempts.createdAt)
    : [];
  return rows.map(({ delivery: d, type, title }) => ({
    id: d.id,
    event_id: d.eventId,
    event_type: type,
    title,
    status: d.status,
    attempts: attempts
      .filter((a) => a.deliveryId === d.id)
      .map((a) => ({ status_code: a.statusCode, error: a.error, duration_ms: a.durationMs, at: a.createdAt.toISOString() })),
    delivered_at: d.deliveredAt?.toISOString() ?? null,
    created_at: d.createdAt.toISOString(),
  }));
}
