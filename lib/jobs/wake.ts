import { sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import postgres from "postgres";
import { db } from "@/db";
import { databaseUrl } from "@/lib/env";

/** The PostgreSQL channel on which a queue's name is sent once jobs were added to it. */
const CHANNEL = "yardstick_jobs";

/**
 * Tells every worker process that `queueName` has new jobs, so they fetch now instead of at their next
 * poll. Only an optimisation: a lost notification costs a polling interval, never the job.
 */
export async function wakeWorkers(queueName: string): Promise<void> {
  await db.execute(sql`select pg_notify(${CHANNEL}, ${queueName})`).catch((error: Error) => console.error("[wake]", error.message));
}

/**
 * Listens on its own connection (postgres.js re-listens after a reconnect) and has pg-boss fetch at once
 * with this process's workers of the named queue. Returns the function that stops listening.
 */
export async function listenForWakeups(boss: PgBoss, workerIds: ReadonlyMap<string, readonly string[]>): Promise<() => Promise<void>> {
  const client = postgres(databaseUrl(), { max: 1, onnotice: () => {} });
  await client.listen(CHANNEL, (queueName) => {
    for (const id of workerIds.get(queueName) ?? []) boss.notifyWorker(id);
  });
  return () => client.end({ timeout: 5 });
}
