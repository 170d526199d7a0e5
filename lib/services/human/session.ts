import { and, asc, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkTasks, benchmarkVersions, models, runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { promptFor } from "@/lib/jobs/execute-item";
import { finalizeRun } from "@/lib/jobs/finalize";
import { flush, loadJudges, toRow } from "@/lib/jobs/run-chunk";
import { fromRow } from "@/lib/services/benchmarks/task-rows";
import type { HumanAnswer, StartHumanSession } from "@/lib/validation/human";
import { RunConfig } from "@/lib/validation/runs";
import { recordAudit } from "../audit";
import { choosePositions, runnableVersion, withBenchmarkDefaults } from "../runs/create";
import { humanModelFor } from "./human-model";

/**
 * Starts taking a benchmark as a person, or resumes the unfinished session on the same version: a run of the
 * user's human model with the benchmark's own defaults (templates, scorers), so it is scored like any run.
 */
export async function startHumanSession(ctx: ProjectCtx, input: StartHumanSession) {
  const { benchmark, version } = await runnableVersion(ctx, input.benchmark_id, input.version);
  return db.transaction(async (tx) => {
    const model = await humanModelFor(ctx, tx);
    const [open] = await tx
      .select({ id: runs.id })
      .from(runs)
      .where(
        and(eq(runs.projectId, ctx.project.id), eq(runs.modelId, model.id), eq(runs.versionId, version.id), eq(runs.status, "in_progress")),
      )
      .orderBy(desc(runs.createdAt))
      .limit(1);
    if (open) return { id: open.id, resumed: true };
    const config = withBenchmarkDefaults(
      RunConfig.parse({ num_examples: input.num_examples, seed: input.seed, concurrency: 1 }),
      benchmark.defaults,
    );
    const positions = choosePositions(version.taskCount, config.num_examples, config.seed);
    const [run] = await tx
      .insert(runs)
      .values({
        projectId: ctx.project.id,
        modelId: model.id,
        benchmarkId: benchmark.id,
        versionId: version.id,
        status: "in_progress",
        origin: "user",
        config,
        positions,
        totalItems: positions.length,
        createdBy: ctx.actor.userId,
        startedAt: new Date(),
      })
      .returning({ id: runs.id });
    if (!run) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "run.create",
      resourceType: "run",
      resourceId: run.id,
      details: { model: model.key, benchmark: benchmark.key, version: version.number, human: true },
    });
    return { id: run.id, resumed: false };
  });
}

/** A human session of this project; only the person taking it may answer. */
async function sessionRun(ctx: ProjectCtx, runId: string) {
  const [row] = await db
    .select({ run: runs, benchmarkName: benchmarks.name, version: benchmarkVersions.number })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .innerJoin(benchmarkVersions, eq(benchmarkVersions.id, runs.versionId))
    .where(and(eq(runs.id, runId), eq(runs.projectId, ctx.project.id), eq(models.endpointType, "human")));
  if (!row) throw new AppError("not_found", "Session not found");
  return row;
}

async function loadTask(versionId: string, position: number) {
  const [row] = await db
    .select()
    .from(benchmarkTasks)
    .where(and(eq(benchmarkTasks.versionId, versionId), eq(benchmarkTasks.position, position)));
  if (!row) throw AppError.field("position", `Task ${position} not found`, "not_found");
  return { ...fromRow(row), key: row.taskKey };
}

/** The next unanswered task in the session's order, rendered exactly as a model receives it. */
async function nextTask(run: typeof runs.$inferSelect) {
  const answered = await db.select({ position: runResults.position }).from(runResults).where(eq(runResults.runId, run.id));
  const done = new Set(answered.map((r) => r.position));
  const position = run.positions.find((p) => !done.has(p));
  if (position === undefined) return { answered: done.size, task: null };
  const task = await loadTask(run.versionId, position);
  const { rendered, messages } = await promptFor(task, RunConfig.parse(run.config));
  return {
    answered: done.size,
    task: {
      position,
      index: run.positions.indexOf(position) + 1,
      type: task.type,
      messages,
      choices: rendered.choices?.map((c) => ({ letter: c.letter, text: c.text })) ?? null,
      json_schema: task.json_schema ?? null,
    },
  };
}

export type HumanSession = Awaited<ReturnType<typeof getHumanSession>>;

export async function getHumanSession(ctx: ProjectCtx, runId: string) {
  const { run, benchmarkName, version } = await sessionRun(ctx, runId);
  const mine = run.createdBy === ctx.actor.userId;
  const next = run.status === "in_progress" && mine ? await nextTask(run) : { answered: run.doneItems + run.errorItems, task: null };
  return {
    id: run.id,
    status: run.status,
    benchmark: { id: run.benchmarkId, name: benchmarkName, version },
    total: run.totalItems,
    answered: next.answered,
    /** Answers the primary scorer passed, of those it scored (skips are not scored). */
    correct: run.passedItems,
    scored: run.scoredItems,
    yours: mine,
    task: next.task,
  };
}

/**
 * Scores one answer with the run's scorers, exactly as a model's response, and stores it with its response time.
 * Answering twice keeps the first answer (the result's unique key); the last answer completes the run.
 */
export async function answerHumanTask(ctx: ProjectCtx, runId: string, input: HumanAnswer) {
  const { run } = await sessionRun(ctx, runId);
  if (run.createdBy !== ctx.actor.userId) throw new AppError("forbidden", "Only the person taking this session can answer it");
  if (run.status !== "in_progress") throw new AppError("conflict", `This session is ${run.status.replace("_", " ")}`);
  if (!run.positions.includes(input.position)) throw AppError.field("position", `Task ${input.position} is not part of this session`);
  const config = RunConfig.parse(run.config);
  const task = await loadTask(run.versionId, input.position);
  const { rendered, messages } = await promptFor(task, config);
  const answer = input.skipped ? null : (input.answer ?? "");
  const outcome = {
    messages,
    requestParams: { human: true },
    rawResponse: answer === null ? null : { human: true, content: answer },
    responseText: answer,
    latencyMs: input.elapsed_ms,
    tokensIn: 0,
    tokensOut: 0,
    tokensEstimated: false,
    cost: 0,
    attempts: 1,
    error: answer === null ? "skipped" : null,
    errorKind: answer === null ? "skipped" : null,
    correctLetters: rendered.correctLetters,
  };
  await flush(run.id, [await toRow(input.position, 0, task, outcome, config, await loadJudges(config))]);
  await finalizeRun({ runId: run.id });
  return getHumanSession(ctx, runId);
}

/** The caller's unfinished sessions in the project, newest first (for "resume"). */
export async function listOpenHumanSessions(ctx: ProjectCtx) {
  return db
    .select({
      id: runs.id,
      benchmark_id: runs.benchmarkId,
      benchmark_name: benchmarks.name,
      total: runs.totalItems,
      answered: sql<number>`${runs.doneItems} + ${runs.errorItems}`,
      created_at: runs.createdAt,
    })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .where(
      and(
        eq(runs.projectId, ctx.project.id),
        eq(models.endpointType, "human"),
        eq(runs.createdBy, ctx.actor.userId),
        eq(runs.status, "in_progress"),
      ),
    )
    .orderBy(asc(runs.createdAt));
}
