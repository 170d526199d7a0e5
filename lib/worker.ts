import { closeDb } from "@/db";
import { env } from "@/lib/env";
import { finalizeRun } from "./jobs/finalize";
import { type ChunkJob, type FinalizeJob, QUEUES, queue, type StartJob, stopQueue } from "./jobs/queue";
import { startAutomation } from "./jobs/automation-worker";
import { generateBenchmark, type GenerateJob } from "./jobs/generate-benchmark";
import { runChunk } from "./jobs/run-chunk";
import { startRun } from "./jobs/run-start";
import { listenForWakeups } from "./jobs/wake";

/** Jobs normally arrive by notification (lib/jobs/wake.ts); polling only catches what a lost one missed. */
const FALLBACK_POLL_SECONDS = 2;

export type WorkerOptions = { chunkConcurrency?: number };

/**
 * Starts consuming run jobs. Any number of worker processes on any machines can share one database:
 * pg-boss hands each job to one of them (SKIP LOCKED) and re-queues jobs whose worker died.
 */
export async function startWorker(options: WorkerOptions = {}) {
  const boss = await queue({ supervise: true });
  // Every queue exists before this process takes a run's job: a failure here must not strand one.
  await startAutomation(boss);
  const workerIds = new Map<string, string[]>();
  const stopListening = await listenForWakeups(boss, workerIds);
  const work = async <T extends object>(name: string, handle: (data: T) => Promise<void>) => {
    const id: string = await boss.work<T>(name, { pollingIntervalSeconds: FALLBACK_POLL_SECONDS }, async ([job]) => {
      if (!job) return;
      await handle(job.data);
      // pg-boss would sleep out the rest of its interval after a short job; more are likely waiting.
      boss.notifyWorker(id);
    });
    workerIds.set(name, [...(workerIds.get(name) ?? []), id]);
  };
  await work<StartJob>(QUEUES.start, startRun);
  // Several chunks in flight keep a run's slots busy while the next chunk is being fetched.
  const chunkWorkers = Math.max(1, options.chunkConcurrency ?? env().YARDSTICK_WORKER_CHUNKS);
  for (let i = 0; i < chunkWorkers; i++) await work<ChunkJob>(QUEUES.chunk, runChunk);
  await work<GenerateJob>(QUEUES.generate, generateBenchmark);
  // Chunks finalise runs themselves; this drains finalise jobs queued by an earlier version.
  await work<FinalizeJob>(QUEUES.finalize, finalizeRun);
  return {
    stop: async () => {
      await stopListening().catch(() => {});
      await stopQueue();
      await closeDb();
    },
  };
}
