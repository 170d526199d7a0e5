import { and, asc, eq, isNull, lt } from "drizzle-orm";
import { db } from "@/db";
import { deliveries } from "@/db/schema";
import { enqueueDeliveries } from "@/lib/jobs/automation-queue";

/** Long enough for the process that wrote a delivery to queue it itself after its commit. */
export const SWEEP_AFTER_SECONDS = 10;
const BATCH = 500;

/**
 * The outbox sweep: deliveries are written in the event's transaction, and queued after it commits. A
 * process that dies in between (or a writer that leaves queueing to the sweep) leaves rows pending and
 * unqueued; this queues those older than a few seconds. Returns how many it queued.
 */
export async function sweepDeliveries(now = new Date()): Promise<number> {
  const rows = await db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.status, "pending"),
        isNull(deliveries.queuedAt),
        lt(deliveries.createdAt, new Date(now.getTime() - SWEEP_AFTER_SECONDS * 1000)),
      ),
    )
    .orderBy(asc(deliveries.createdAt))
    .limit(BATCH);
  await enqueueDeliveries(rows.map((r) => r.id));
  return rows.length;
}
