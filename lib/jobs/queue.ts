import PgBoss from "pg-boss";
import { databaseUrl, env } from "@/lib/env";
import { wakeWorkers } from "./wake";

export const QUEUES = { start: "run-start", chunk: "run-chunk", finalize: "run-finalize", generate: "benchmark-generate" } as const;

export type StartJob = { runId: string };
export type ChunkJob = { runId: string; positions: number[] };
export type FinalizeJob = { runId: string };

/** Items per chunk job: small enough that a dead worker's chunk is redone quickly. */
export const CHUNK_ITEMS = 200;

/** A job whose worker stops reporting back within the expiry is handed to another worker. */
export const jobPolicy = () => ({ retryLimit: 5, retryDelay: 1, retryBackoff: true, expireInSeconds: env().YARDSTICK_JOB_EXPIRE_SECONDS });

let boss: Promise<PgBoss> | undefined;

/** Worker processes starting together on a new database can deadlock creating the same queue; one retry settles it. */
async function retryDeadlock(create: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if ((error as { code?: string }).code !== "40P01" || attempt >= 3) throw error;
    }
  }
}

/**
 * The process-wide pg-boss client on the app's own database. Web processes only send jobs
 * (no maintenance); workers pass `supervise` so expired jobs of dead workers are handed on.
 */
export function queue(options: { supervise?: boolean } = {}): Promise<PgBoss> {
  boss ??= (async () => {
    const instance = new PgBoss({
      connectionString: databaseUrl(),
      schema: "pgboss",
      max: 4,
      supervise: options.supervise ?? false,
      // Only workers keep pg-boss's cron clock (schedules fire from there; see lib/jobs/automation-queue.ts).
      schedule: options.supervise ?? false,
      maintenanceIntervalSeconds: env().YARDSTICK_QUEUE_MAINTENANCE_SECONDS,
      monitorStateIntervalSeconds: 60,
    });
    instance.on("error", (error) => console.error("[queue]", error.message));
    await instance.start();
    for (const name of Object.values(QUEUES)) {
      // "short": while a run's finalise job waits, more requests for it are dropped rather than queued.
      await retryDeadlock(() =>
        instance.createQueue(name, { name, ...jobPolicy(), ...(name === QUEUES.finalize ? { policy: "short" as const } : {}) }),
      );
    }
    return instance;
  })();
  return boss;
}

export async function stopQueue(): Promise<void> {
  const current = boss;
  boss = undefined;
  if (current) await (await current).stop({ graceful: true, wait: true, timeout: 10_000 });
}

export async function enqueueRun(runId: string): Promise<void> {
  await (await queue()).send(QUEUES.start, { runId } satisfies StartJob, { singletonKey: runId });
  await wakeWorkers(QUEUES.start);
}

/** Generation jobs: one per uploaded document; a dead worker's job resumes from its last saved passage. */
export async function enqueueGeneration(generationId: string): Promise<void> {
  await (await queue()).send(QUEUES.generate, { generationId }, { singletonKey: generationId, ...jobPolicy() });
  await wakeWorkers(QUEUES.generate);
}
