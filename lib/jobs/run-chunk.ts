import { and, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkTasks, models, runResults, runs } from "@/db/schema";
import type { Task } from "@/lib/benchmarks/task";
import { fromRow } from "@/lib/services/benchmarks/task-rows";
import { RunConfig } from "@/lib/validation/runs";
import { executeItem, type ItemOutcome } from "./execute-item";
import { finalizeRun } from "./finalize";
import { acquireCall } from "./run-slots";
import type { ChunkJob } from "./queue";
import { judgeIds, scoreItem } from "./score";

type ResultInsert = typeof runResults.$inferInsert;

const FLUSH_EVERY = 50;

/**
 * Writes results that are not there yet and bumps the run's counters by exactly what was inserted, in
 * one transaction: a redelivered chunk (at-least-once) adds nothing twice.
 */
async function flush(runId: string, rows: ResultInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.transaction(async (tx) => {
    const inserted = await tx.insert(runResults).values(rows).onConflictDoNothing().returning({
      status: runResults.status,
      passed: runResults.passed,
      tokensIn: runResults.tokensIn,
      tokensOut: runResults.tokensOut,
      cost: runResults.cost,
    });
    if (inserted.length === 0) return;
    const scored = inserted.filter((r) => r.passed !== null);
    await tx
      .update(runs)
      .set({
        doneItems: sql`${runs.doneItems} + ${inserted.filter((r) => r.status === "ok").length}`,
        errorItems: sql`${runs.errorItems} + ${inserted.filter((r) => r.status !== "ok").length}`,
        scoredItems: sql`${runs.scoredItems} + ${scored.length}`,
        passedItems: sql`${runs.passedItems} + ${scored.filter((r) => r.passed).length}`,
        tokensIn: sql`${runs.tokensIn} + ${inserted.reduce((n, r) => n + r.tokensIn, 0)}`,
        tokensOut: sql`${runs.tokensOut} + ${inserted.reduce((n, r) => n + r.tokensOut, 0)}`,
        cost: sql`${runs.cost} + ${inserted.reduce((n, r) => n + r.cost, 0)}`,
      })
      .where(eq(runs.id, runId));
  });
}

type Judges = Parameters<typeof scoreItem>[4];

async function toInsert(runId: string, position: number, sample: number, task: Task & { key: string }, outcome: ItemOutcome, config: RunConfig, judges: Judges): Promise<ResultInsert> {
  const scored = outcome.error === null ? await scoreItem(task, outcome.responseText ?? "", outcome.correctLetters, config, judges) : { scores: {}, parsed: null, passed: null, score: null };
  return {
    runId,
    position,
    sample,
    taskKey: task.key,
    subset: task.subset ?? null,
    status: outcome.error === null ? "ok" : "error",
    messages: outcome.messages,
    requestParams: outcome.requestParams,
    rawResponse: outcome.rawResponse,
    responseText: outcome.responseText,
    parsed: scored.parsed,
    scores: scored.scores,
    passed: scored.passed,
    score: scored.score,
    latencyMs: outcome.latencyMs,
    tokensIn: outcome.tokensIn,
    tokensOut: outcome.tokensOut,
    tokensEstimated: outcome.tokensEstimated ? "chars/4" : null,
    cost: outcome.cost,
    attempts: outcome.attempts,
    error: outcome.error,
    errorKind: outcome.errorKind,
  };
}

/** An item that failed before reaching the model (e.g. its template did not render) is an error result. */
function failedOutcome(error: Error): ItemOutcome {
  return { messages: [], requestParams: {}, rawResponse: null, responseText: null, latencyMs: 0, tokensIn: 0, tokensOut: 0, tokensEstimated: false, cost: 0, attempts: 0, error: error.message, errorKind: "template" };
}

async function stillRunning(runId: string): Promise<boolean> {
  const [run] = await db.select({ status: runs.status }).from(runs).where(eq(runs.id, runId));
  return run?.status === "in_progress";
}

/** Evaluates the chunk's (task, sample) items that have no result yet, `concurrency` at a time. */
export async function runChunk(job: ChunkJob): Promise<void> {
  const [run] = await db.select().from(runs).where(eq(runs.id, job.runId));
  if (run?.status !== "in_progress") return;
  const config = RunConfig.parse(run.config);
  const [model] = await db.select().from(models).where(eq(models.id, run.modelId));
  if (!model) throw new Error(`model ${run.modelId} vanished`);
  const judgeList = judgeIds(config);
  const judges = new Map((judgeList.length ? await db.select().from(models).where(inArray(models.id, judgeList)) : []).map((m) => [m.id, m]));
  const taskRows = await db.select().from(benchmarkTasks).where(and(eq(benchmarkTasks.versionId, run.versionId), inArray(benchmarkTasks.position, job.positions)));
  const tasks = new Map(taskRows.map((r) => [r.position, { ...fromRow(r), key: r.taskKey }]));
  const done = await db
    .select({ position: runResults.position, sample: runResults.sample })
    .from(runResults)
    .where(and(eq(runResults.runId, run.id), inArray(runResults.position, job.positions)));
  const doneKeys = new Set(done.map((d) => `${d.position}:${d.sample}`));
  const todo = job.positions.flatMap((position) =>
    Array.from({ length: config.samples_per_task }, (_, sample) => ({ position, sample })).filter((i) => !doneKeys.has(`${i.position}:${i.sample}`)),
  );

  let pending: ResultInsert[] = [];
  let cancelled = false;
  let next = 0;
  const controller = new AbortController();
  const worker = async () => {
    while (!cancelled && next < todo.length) {
      const item = todo[next++] as { position: number; sample: number };
      const task = tasks.get(item.position);
      if (!task) continue;
      const release = await acquireCall({ id: run.id, concurrency: config.concurrency }, model);
      const outcome = await executeItem(model, task, { taskKey: task.key, sample: item.sample }, config, controller.signal)
        .catch((error: Error) => failedOutcome(error))
        .finally(release);
      if (cancelled) return;
      pending.push(await toInsert(run.id, item.position, item.sample, task, outcome, config, judges));
      if (pending.length >= FLUSH_EVERY) {
        const batch = pending;
        pending = [];
        await flush(run.id, batch);
        // Cancellation is checked between batches, so it takes effect within a batch's time.
        if (!(await stillRunning(run.id))) {
          cancelled = true;
          controller.abort();
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(config.concurrency, todo.length) }, worker));
  await flush(run.id, pending);
  await finalizeRun(run.id);
}
