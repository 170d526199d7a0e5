import type PgBoss from "pg-boss";
import { inArray } from "drizzle-orm";
import { db } from "@/db";
import { deliveries } from "@/db/schema";
import { env } from "@/lib/env";
import { queue } from "./queue";

export const AUTOMATION_QUEUES = {
  tick: "schedule-tick",
  runFinished: "run-finished",
  deliver: "event-delivery",
  sweep: "automation-sweep",
} as const;

export type RunFinishedJob = { runId: string };
export type DeliveryJob = { deliveryId: string };

/** Retries of a delivery: 7 attempts with the first delay doubling each time (10 s … about 10 minutes by default). */
export const deliveryPolicy = () => ({ retryLimit: 6, retryDelay: env().YARDSTICK_DELIVERY_RETRY_SECONDS, retryBackoff: true });

const ready = new WeakMap<PgBoss, Promise<void>>();

/** pg-boss 10 sends only to queues that exist; any process may send first, so each creates them once. */
export function ensureAutomationQueues(boss: PgBoss): Promise<void> {
  let created = ready.get(boss);
  if (!created) {
    created = (async () => {
      for (const name of Object.values(AUTOMATION_QUEUES))
        await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 1, retryBackoff: true });
    })();
    ready.set(boss, created);
  }
  return created;
}

async function automationQueue(): Promise<PgBoss> {
  const boss = await queue();
  await ensureAutomationQueues(boss);
  return boss;
}

/** Called once where a run is marked completed or failed: alerts and run events follow on the queue. */
export async function enqueueRunFinished(runId: string): Promise<void> {
  await (await automationQueue()).send(AUTOMATION_QUEUES.runFinished, { runId } satisfies RunFinishedJob, { singletonKey: runId });
}

/** Queues deliveries (rows already committed) and marks them queued, so the outbox sweep leaves them alone. */
export async function enqueueDeliveries(deliveryIds: readonly string[]): Promise<void> {
  if (deliveryIds.length === 0) return;
  const boss = await automationQueue();
  for (const deliveryId of deliveryIds) await boss.send(AUTOMATION_QUEUES.deliver, { deliveryId } satisfies DeliveryJob, deliveryPolicy());
  await db
    .update(deliveries)
    .set({ queuedAt: new Date() })
    .where(inArray(deliveries.id, [...deliveryIds]));
}
