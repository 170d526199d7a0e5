import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { isActive, runs } from "@/db/schema";
import { CHUNK_ITEMS, type ChunkJob, jobPolicy, QUEUES, queue, type StartJob } from "./queue";
import { wakeWorkers } from "./wake";

/**
 * Marks a run in progress and splits it into chunk jobs. Re-running it (a redelivered job) enqueues
 * the chunks again; that is harmless, because results are written at most once per item.
 */
export async function startRun(job: StartJob): Promise<void> {
  const [run] = await db.select().from(runs).where(eq(runs.id, job.runId));
  if (!run || !isActive(run.status)) return;
  const samples = Math.max(1, run.config.samples_per_task ?? 1);
  const perChunk = Math.max(1, Math.floor(CHUNK_ITEMS / samples));
  const boss = await queue();
  const chunks: ChunkJob[] = [];
  for (let i = 0; i < run.positions.length; i += perChunk) chunks.push({ runId: run.id, positions: run.positions.slice(i, i + perChunk) });
  // In progress first: a chunk that starts before this update would find the run not running and skip.
  await db
    .update(runs)
    .set({ status: "in_progress", startedAt: run.startedAt ?? new Date() })
    .where(and(eq(runs.id, run.id), eq(runs.status, "scheduled")));
  await boss.insert(chunks.map((data) => ({ name: QUEUES.chunk, data, ...jobPolicy() })));
  await wakeWorkers(QUEUES.chunk);
}
