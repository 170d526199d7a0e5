import { eq, sql } from "drizzle-orm";
import { request } from "undici";
import { db } from "@/db";
import { deliveries, deliveryAttempts, events, subscriptions } from "@/db/schema";
import { sendEmail } from "@/lib/automation/mailer";
import { signWebhook } from "@/lib/automation/webhook-signature";
import { AppError } from "@/lib/errors";
import { outboundAgent } from "@/lib/providers/agent";
import { decryptSecret } from "@/lib/providers/secrets";
import { assertSafeUrl } from "@/lib/providers/url-safety";

type EventRow = typeof events.$inferSelect;
type SubscriptionRow = typeof subscriptions.$inferSelect;

const TIMEOUT_MS = 10_000;

/** The webhook body: the event's type, id (for de-duplication: a retry resends the same id) and time. */
export const webhookBody = (e: EventRow) =>
  JSON.stringify({ id: e.id, type: e.type, timestamp: e.createdAt.toISOString(), title: e.title, link: e.link, data: e.data });

/** POSTs the signed event; redirects are not followed, so a 3xx counts as a failed attempt. */
async function postWebhook(s: SubscriptionRow, e: EventRow): Promise<number> {
  if (!s.url || !s.secretEncrypted) throw new Error("webhook subscription without url or secret");
  await assertSafeUrl(s.url, "url");
  const body = webhookBody(e);
  const timestamp = Math.floor(Date.now() / 1000);
  const response = await request(s.url, {
    method: "POST",
    dispatcher: outboundAgent,
    signal: AbortSignal.timeout(TIMEOUT_MS),
    headers: {
      "content-type": "application/json",
      "user-agent": "Yardstick-Webhook/1",
      "x-yardstick-event": e.type,
      "x-yardstick-event-id": e.id,
      "x-yardstick-signature": signWebhook(decryptSecret(s.secretEncrypted), timestamp, body),
    },
    body,
  });
  await response.body.dump();
  return response.statusCode;
}

async function sendEventEmail(s: SubscriptionRow, e: EventRow): Promise<void> {
  if (!s.email) throw new Error("email subscription without address");
  await sendEmail({
    to: s.email,
    subject: `[Yardstick] ${e.title}`,
    text: `${e.title}\n\n${e.link}\n\n${JSON.stringify(e.data, null, 2)}\n\nEvent ${e.id}`,
  });
}

/**
 * One attempt of a delivery, logged with the receiver's status code or error. A failure throws so the
 * queue retries with backoff; a refused URL does not, since retrying cannot make it safe.
 */
export async function deliver(deliveryId: string): Promise<void> {
  const [row] = await db
    .select({ delivery: deliveries, event: events, subscription: subscriptions })
    .from(deliveries)
    .innerJoin(events, eq(events.id, deliveries.eventId))
    .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
    .where(eq(deliveries.id, deliveryId));
  if (!row || row.delivery.status === "delivered" || !row.subscription.enabled) return;
  const started = performance.now();
  let statusCode: number | null = null;
  let error: string | null = null;
  let refused = false;
  try {
    if (row.subscription.kind === "webhook") statusCode = await postWebhook(row.subscription, row.event);
    else await sendEventEmail(row.subscription, row.event);
    if (statusCode !== null && (statusCode < 200 || statusCode >= 300)) error = `HTTP ${statusCode}`;
  } catch (e) {
    refused = e instanceof AppError;
    error = (e as Error).message;
  }
  const ok = error === null;
  await db.transaction(async (tx) => {
    await tx.insert(deliveryAttempts).values({ deliveryId, statusCode, error, durationMs: Math.round(performance.now() - started) });
    await tx
      .update(deliveries)
      .set({ status: ok ? "delivered" : "failed", attempts: sql`${deliveries.attempts} + 1`, deliveredAt: ok ? new Date() : null })
      .where(eq(deliveries.id, deliveryId));
  });
  if (!ok && !refused) throw new Error(`Delivery ${deliveryId} failed: ${error}`);
}
