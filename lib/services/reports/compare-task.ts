import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { getTask } from "@/lib/services/benchmarks/read";
import { loadComparedRuns } from "./compare-load";

/** The benchmark task, or null when its benchmark is no longer visible (disabled): the answers still show. */
async function taskOrNull(ctx: ProjectCtx, benchmarkId: string, version: number, position: number) {
  try {
    return await getTask(ctx, benchmarkId, version, position);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** One task side by side: the task and its truth, then each run's samples with messages, answers and every scorer's output. */
export async function compareTask(ctx: ProjectCtx, runIds: readonly string[], position: number) {
  const compared = await loadComparedRuns(ctx, runIds);
  const first = compared[0];
  if (!first) throw AppError.field("runs", "runs needs at least one run id");
  const [task, results] = await Promise.all([
    taskOrNull(ctx, first.benchmark.id, first.benchmark.version, position),
    db
      .select({
        runId: runResults.runId,
        sample: runResults.sample,
        status: runResults.status,
        messages: runResults.messages,
        response: runResults.responseText,
        parsed: runResults.parsed,
        scores: runResults.scores,
        passed: runResults.passed,
        score: runResults.score,
        latencyMs: runResults.latencyMs,
        error: runResults.error,
      })
      .from(runResults)
      .where(
        and(
          inArray(
            runResults.runId,
            compared.map((r) => r.id),
          ),
          eq(runResults.position, position),
        ),
      )
      .orderBy(asc(runResults.sample)),
  ]);
  if (!task && results.length === 0) throw new AppError("not_found", `Task ${position} not found`);
  return {
    position,
    task: task && { task_key: task.task_key, type: task.type, subset: task.subset ?? null, truth: task.truth },
    runs: compared.map((run) => ({ run, samples: results.filter((r) => r.runId === run.id).map(({ runId: _, ...sample }) => sample) })),
  };
}

export type ComparedTask = Awaited<ReturnType<typeof compareTask>>;
