import { and, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import { runResults, runs, taskOutcomes } from "@/db/schema";
import type { RunConfig } from "@/lib/validation/runs";
import { pruneRateWindows } from "@/lib/providers/rate-limit";
import { enqueueRunFinished } from "./automation-queue";
import type { FinalizeJob } from "./queue";
import { type ResultForSummary, summarize } from "./summarize";

async function mostCommonError(runId: string): Promise<string> {
  const [row] = await db
    .select({ error: runResults.error, n: sql<number>`count(*)::int` })
    .from(runResults)
    .where(and(eq(runResults.runId, runId), eq(runResults.status, "error")))
    .groupBy(runResults.error)
    .orderBy(sql`count(*) desc`)
    .limit(1);
  return row?.error ?? "unknown error";
}

export async function computeSummary(runId: string, totalItems: number) {
  const [run] = await db.select({ config: runs.config, versionId: runs.versionId }).from(runs).where(eq(runs.id, runId));
  return summaryOf({ id: runId, totalItems, config: run?.config ?? {}, versionId: run?.versionId });
}

/** The summary of a run whose config and version are at hand (finalising reads them with the run). */
async function summaryOf(run: { id: string; totalItems: number; config: Partial<RunConfig>; versionId?: string }) {
  const { config, id: runId, totalItems } = run;
  // Only the metadata fields a scorer weights by are read (joining the tasks), and only when one does.
  const fields = [...new Set((config.scorers ?? []).flatMap((s) => (s.weight_field ? [s.weight_field] : [])))];
  const weights = fields.length
    ? sql`jsonb_build_object(${sql.join(
        fields.map((f) => sql`${f}::text, t.metadata -> ${f}::text`),
        sql`, `,
      )})`
    : sql`null`;
  const tasks =
    fields.length && run.versionId
      ? sql`left join benchmark_tasks t on t.version_id = ${run.versionId} and t.position = r.position`
      : sql``;
  // Raw rows (postgres.js parses jsonb): mapping 10,000 rows through the query builder cost more than the statistics.
  const rows = await db.execute<ResultForSummary>(sql`
    select r.position, r.sample, r.subset, r.status, r.scores, r.passed, r.score, r.latency_ms as "latencyMs",
      r.tokens_in as "tokensIn", r.tokens_out as "tokensOut", r.cost, r.attempts, r.error,
      length(r.messages::text) as "charsIn", coalesce(length(r.response_text), 0) as "charsOut", ${weights} as weights
    from run_results r ${tasks}
    where r.run_id = ${runId}`);
  return summarize(rows, totalItems, config);
}

/**
 * The one place a run is finalised, called by every chunk when it ends (no queue hop, so `completed`
 * follows the last result within milliseconds): once every item has a result it is completed with its
 * summary, or failed when no item succeeded; then the task tallies are recorded. A redelivered chunk
 * job (the worker died half-way) finishes whatever is left.
 */
export async function finalizeRun(job: FinalizeJob): Promise<void> {
  // Not the whole row: every chunk's end reads this, and `positions` can be large.
  const [run] = await db
    .select({
      id: runs.id,
      projectId: runs.projectId,
      versionId: runs.versionId,
      modelId: runs.modelId,
      config: runs.config,
      status: runs.status,
      doneItems: runs.doneItems,
      errorItems: runs.errorItems,
      totalItems: runs.totalItems,
      outcomesRecordedAt: runs.outcomesRecordedAt,
    })
    .from(runs)
    .where(eq(runs.id, job.runId));
  if (run?.status === "completed" && !run.outcomesRecordedAt) return recordTaskOutcomes(run);
  if (run?.status !== "in_progress" || run.doneItems + run.errorItems < run.totalItems) return;
  if (run.doneItems === 0) {
    const reason = await mostCommonError(run.id);
    await db
      .update(runs)
      .set({ status: "failed", error: `Every one of the ${run.errorItems} tasks failed: ${reason}`, finishedAt: new Date() })
      .where(and(eq(runs.id, run.id), eq(runs.status, "in_progress")));
    await enqueueRunFinished(run.id);
    return;
  }
  const summary = await summaryOf(run);
  const completed = await db
    .update(runs)
    .set({ status: "completed", summary, finishedAt: new Date() })
    .where(and(eq(runs.id, run.id), eq(runs.status, "in_progress")))
    .returning({ id: runs.id });
  // After the run reads as completed: tallying 10,000 tasks takes longer than completing the run.
  if (completed.length === 1) await recordTaskOutcomes(run);
  await pruneRateWindows();
  // Alerts and run events follow on the queue; each is idempotent (once per run and trigger, once per event key).
  if (completed.length === 1) await enqueueRunFinished(run.id);
}

/**
 * Adds a completed run's per-task outcomes (answered results with a pass/fail primary score) to the
 * version's tallies, exactly once: the run is claimed in the same transaction. A worker that dies in
 * between leaves the claim open, and the redelivered finalise job records them.
 */
export async function recordTaskOutcomes(run: { id: string; projectId: string; versionId: string; modelId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(runs)
      .set({ outcomesRecordedAt: new Date() })
      .where(and(eq(runs.id, run.id), eq(runs.status, "completed"), isNull(runs.outcomesRecordedAt)))
      .returning({ id: runs.id });
    if (claimed.length === 0) return;
    await tx.execute(sql`
      insert into ${taskOutcomes} (project_id, version_id, position, model_id, evaluated, correct)
      select ${run.projectId}, ${run.versionId}, position, ${run.modelId}, count(*), count(*) filter (where passed)
      from ${runResults} where run_id = ${run.id} and passed is not null
      group by position
      on conflict (project_id, version_id, position, model_id) do update
      set evaluated = ${taskOutcomes}.evaluated + excluded.evaluated, correct = ${taskOutcomes}.correct + excluded.correct`);
  });
}
