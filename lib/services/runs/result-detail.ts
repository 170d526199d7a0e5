import { and, asc, desc, eq, gt, lt, or } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkTasks, runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { getTask } from "@/lib/services/benchmarks/read";
import { getRunRow, serializeResult, taskColumns, taskJoin } from "./read";

type Key = { position: number; sample: number };

// Results are keyed by (position, sample); neighbours are found on the unique index, whatever the run's sampled positions.
async function neighbour(runId: string, at: Key, direction: "prev" | "next"): Promise<Key | null> {
  const [cmp, dir] = direction === "next" ? [gt, asc] : [lt, desc];
  const [row] = await db
    .select({ position: runResults.position, sample: runResults.sample })
    .from(runResults)
    .where(
      and(
        eq(runResults.runId, runId),
        or(cmp(runResults.position, at.position), and(eq(runResults.position, at.position), cmp(runResults.sample, at.sample))),
      ),
    )
    .orderBy(dir(runResults.position), dir(runResults.sample))
    .limit(1);
  return row ?? null;
}

// The task as its benchmark page shows it (paraphrase originals for admins only); null once the benchmark is no longer visible.
async function taskOf(ctx: ProjectCtx, benchmarkId: string, version: number, position: number) {
  try {
    return await getTask(ctx, benchmarkId, version, position);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** One result in full (messages sent, request, raw response, every scorer) with its task and neighbours, for the drill-down. */
export async function getResultDetail(ctx: ProjectCtx, runId: string, key: Key) {
  const { run, version } = await getRunRow(ctx, runId);
  const [joined] = await db
    .select({ result: runResults, ...taskColumns })
    .from(runResults)
    .leftJoin(benchmarkTasks, taskJoin(run.versionId))
    .where(and(eq(runResults.runId, run.id), eq(runResults.position, key.position), eq(runResults.sample, key.sample)));
  const row = joined?.result;
  if (!joined || !row) throw new AppError("not_found", `Run has no result for task ${key.position}, sample ${key.sample}`);
  const [task, prev, next] = await Promise.all([
    taskOf(ctx, run.benchmarkId, version, row.position),
    neighbour(run.id, key, "prev"),
    neighbour(run.id, key, "next"),
  ]);
  return {
    ...serializeResult({ ...row, input: joined.input, truth: joined.truth }),
    messages: row.messages as { role: string; content: string }[],
    request_params: row.requestParams,
    raw_response: row.rawResponse,
    tokens_estimated: row.tokensEstimated,
    created_at: row.createdAt.toISOString(),
    task,
    prev,
    next,
  };
}
export type ResultDetail = Awaited<ReturnType<typeof getResultDetail>>;
