import { closeDb } from "@/db";
import { env } from "@/lib/env";
import { finalizeRun } from "./jobs/finalize";
import { type ChunkJob, type FinalizeJob, QUEUES, queue, type StartJob, stopQueue } from "./jobs/queue";
import { startAutomation } from "./jobs/automation-worker";
import { generateBenchmark, type GenerateJob } from "./jobs/generate-benchmark";
import { runChunk } from "./jobs/run-chunk";
import { startRun } from "./jobs/run-start";

export type WorkerOptions = { chunkConcurrency?: number };

/**
 * Starts consuming run jobs. Any number of worker processes on any machines can share one database:
 * pg-boss hands each job to one of them (SKIP LOCKED) and re-queues jobs whose worker died.
 */
export async function startWorker(options: WorkerOptions = {}) {
  const boss = await queue({ supervise: true });
  const chunkWorkers: string[] = [];
  await boss.work<StartJob>(QUEUES.start, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (!job) return;
    await startRun(job.data);
    // Idle chunk workers here would otherwise sleep out their poll interval before taking the new chunks.
    for (const id of chunkWorkers) boss.notifyWorker(id);
  });
  // Several chunks in flight keep a run's slots busy while the next chunk is being fetched.
  const workers = Math.max(1, options.chunkConcurrency ?? env().YARDSTICK_WORKER_CHUNKS);
  for (let i = 0; i < workers; i++) {
    chunkWorkers.push(
      await boss.work<ChunkJob>(QUEUES.chunk, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
        if (job) await runChunk(job.data);
      }),
    );
  }
  await startAutomation(boss);
  await boss.work<GenerateJob>(QUEUES.generate, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await generateBenchmark(job.data);
  });
  await boss.work<FinalizeJob>(QUEUES.finalize, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    if (job) await finalizeRun(job.data);
  });
  return {
    stop: async () => {
      await stopQueue();
      await closeDb();
    },
  };
}
