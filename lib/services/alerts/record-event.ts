import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { type AlertEvidence, alertEvents, alerts, type EventPayload } from "@/db/schema";
import { publishEvent } from "../subscriptions/publish";

type AlertRow = typeof alerts.$inferSelect;

/** Locks the alert row, so firings of several runs or tests at once respect one cooldown. */
export async function lockAlert(tx: Executor, alertId: string): Promise<AlertRow | undefined> {
  const [alert] = await tx.select().from(alerts).where(eq(alerts.id, alertId)).for("update");
  return alert;
}

export type Firing = {
  projectKey: string;
  triggerId: string;
  /** What the event is about: a run (with its model and benchmark) or an A/B test. */
  subject: { runId?: string; abTestId?: string; modelId?: string; benchmarkId?: string };
  evidence: AlertEvidence;
  /** Extra fields of the published event (run or test ids), besides the alert and the evidence. */
  data: EventPayload;
};

/**
 * Stores an alert event, starts the alert's cooldown and publishes `alert.fired` to its subscriptions,
 * all in the caller's transaction. Returns the new deliveries (pending rows: the outbox).
 */
export async function recordAlertEvent(tx: Executor, alert: AlertRow, f: Firing, now: Date): Promise<string[]> {
  const [event] = await tx
    .insert(alertEvents)
    .values({ projectId: alert.projectId, alertId: alert.id, triggerId: f.triggerId, ...f.subject, evidence: f.evidence })
    .returning();
  if (!event) throw new Error("insert returned no row");
  await tx.update(alerts).set({ lastFiredAt: now }).where(eq(alerts.id, alert.id));
  return publishEvent(tx, {
    projectId: alert.projectId,
    type: "alert.fired",
    key: `alert.fired:${event.id}`,
    title: `${alert.name}: ${f.evidence.statement}`,
    link: `/${f.projectKey}/alerts/${alert.id}`,
    data: { alert: { id: alert.id, name: alert.name }, alert_event_id: event.id, ...f.data, evidence: f.evidence },
    alertId: alert.id,
  });
}
