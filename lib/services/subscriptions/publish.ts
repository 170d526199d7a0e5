import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { deliveries, type EventPayload, events, notifications, subscriptions } from "@/db/schema";

export type NewEvent = {
  projectId: string;
  type: "alert.fired" | "run.completed" | "run.failed";
  /** The same happening always has the same key, so publishing it again changes nothing. */
  key: string;
  title: string;
  /** Path in the app, e.g. /demo/runs/<id>. */
  link: string;
  data: EventPayload;
  alertId?: string;
  modelId?: string;
  benchmarkId?: string;
};

/**
 * Stores an event once and fans it out: in-app subscribers get a notification, webhook and email
 * subscribers a delivery. Returns the new deliveries, for the caller to queue after its transaction commits.
 */
export async function publishEvent(tx: Executor, e: NewEvent): Promise<string[]> {
  const [created] = await tx
    .insert(events)
    .values({ projectId: e.projectId, type: e.type, key: e.key, title: e.title, link: e.link, data: e.data })
    .onConflictDoNothing()
    .returning({ id: events.id });
  if (!created) return [];
  // A subscription narrowed to one model (benchmark) hears only that one's events.
  const narrowed = (column: typeof subscriptions.modelId | typeof subscriptions.benchmarkId, id: string | undefined) =>
    id ? or(isNull(column), eq(column, id)) : isNull(column);
  const audience =
    e.type === "alert.fired"
      ? e.alertId
        ? eq(subscriptions.alertId, e.alertId)
        : sql`false`
      : and(
          sql`${subscriptions.runEvents} @> ${JSON.stringify([e.type])}::jsonb`,
          narrowed(subscriptions.modelId, e.modelId),
          narrowed(subscriptions.benchmarkId, e.benchmarkId),
        );
  const subscribers = await tx
    .select({ id: subscriptions.id, kind: subscriptions.kind, userId: subscriptions.userId })
    .from(subscriptions)
    .where(and(eq(subscriptions.projectId, e.projectId), eq(subscriptions.enabled, true), audience));
  const inApp = [...new Set(subscribers.filter((s) => s.kind === "in_app").map((s) => s.userId))];
  if (inApp.length)
    await tx
      .insert(notifications)
      .values(inApp.map((userId) => ({ userId, eventId: created.id })))
      .onConflictDoNothing();
  const outbound = subscribers.filter((s) => s.kind !== "in_app");
  if (outbound.length === 0) return [];
  const rows = await tx
    .insert(deliveries)
    .values(outbound.map((s) => ({ eventId: created.id, subscriptionId: s.id })))
    .onConflictDoNothing()
    .returning({ id: deliveries.id });
  return rows.map((r) => r.id);
}
