import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { ACTIVE_RUN_STATUSES, benchmarkVersions, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { mulberry32, shuffle } from "@/lib/benchmarks/random";
import { AppError, uniqueViolation } from "@/lib/errors";
import { enqueueRun } from "@/lib/jobs/queue";
import { assertValidScorers, assertValidStages } from "@/lib/jobs/score";
import type { CreateRun, RunConfig } from "@/lib/validation/runs";
import type { BenchmarkDefaults } from "@/db/schema";
import { recordAudit } from "../audit";
import { getBenchmarkRow } from "../benchmarks/access";
import { getModelRow } from "../models/read";

export type RunOrigin = "user" | "api" | "schedule" | "alert";

/** The benchmark's defaults fill whatever the run leaves unset; the run's own values always win. */
export function withBenchmarkDefaults(config: RunConfig, defaults: BenchmarkDefaults): RunConfig {
  const templates = { ...defaults.prompt_templates, ...config.prompt_templates };
  return {
    ...config,
    system_prompt: config.system_prompt ?? defaults.system_prompt,
    prompt_templates: Object.keys(templates).length ? templates : undefined,
    scorers: config.scorers ?? defaults.scorers,
    metrics: config.metrics ?? defaults.metrics,
    min_tasks_per_run: config.min_tasks_per_run ?? defaults.min_tasks_per_run,
  };
}

/** The tasks a run evaluates: all, or a sample drawn deterministically from the seed. */
export function choosePositions(taskCount: number, numExamples: number | undefined, seed: number): number[] {
  const all = Array.from({ length: taskCount }, (_, i) => i + 1);
  if (!numExamples || numExamples >= taskCount) return all;
  return shuffle(all, mulberry32(seed))
    .slice(0, numExamples)
    .sort((a, b) => a - b);
}

/** The benchmark and the version a run pins: the numbered one, or the latest; training data cannot run. */
export async function runnableVersion(ctx: ProjectCtx, benchmarkId: string, number?: number) {
  const benchmark = await getBenchmarkRow(ctx, benchmarkId);
  const versionFilter = number ? eq(benchmarkVersions.number, number) : undefined;
  const [version] = await db
    .select()
    .from(benchmarkVersions)
    .where(and(eq(benchmarkVersions.benchmarkId, benchmark.id), versionFilter))
    .orderBy(desc(benchmarkVersions.number))
    .limit(1);
  if (!version) throw AppError.field("version", number ? `Version ${number} not found` : "This benchmark has no versions yet", "not_found");
  if (!version.runnable)
    throw AppError.field("version", "This version holds training data (post-training/messages) and cannot be run", "unprocessable");
  return { benchmark, version };
}

/**
 * Creates a run pinned to one benchmark version and queues it. The same Idempotency-Key in the same
 * project returns the run it created the first time instead of starting another; `if_running: "existing"`
 * returns the model's scheduled or in-progress run on the same version instead (`reused: true`).
 */
export async function createRun(ctx: ProjectCtx, input: CreateRun, origin: RunOrigin, idempotencyKey?: string) {
  if (idempotencyKey) {
    const [existing] = await db
      .select()
      .from(runs)
      .where(and(eq(runs.projectId, ctx.project.id), eq(runs.idempotencyKey, idempotencyKey)));
    if (existing) return { run: existing, created: false, reused: false };
  }
  assertValidScorers(input.config.scorers);
  assertValidStages(input.config);
  const { model } = await getModelRow(ctx, { id: input.model_id });
  for (const [i, spec] of (input.config.scorers ?? []).entries()) {
    if (spec.type !== "llm_as_judge") continue;
    const judge = await getModelRow(ctx, { id: String(spec.params.judge_model_id) }).catch(() => null);
    if (!judge || judge.model.endpointType === "none" || judge.model.endpointType === "human")
      throw AppError.field(`config.scorers.${i}.params.judge_model_id`, "The judge model is unknown or has no endpoint", "unprocessable");
  }
  if (model.endpointType === "none") throw AppError.field("model_id", `${model.name} needs an endpoint before it can run`, "unprocessable");
  if (model.endpointType === "human")
    throw AppError.field("model_id", `${model.name} is a person: take the benchmark in the browser`, "unprocessable");
  const { benchmark, version } = await runnableVersion(ctx, input.benchmark_id, input.version);
  const config = withBenchmarkDefaults(input.config, benchmark.defaults);
  const positions = choosePositions(version.taskCount, config.num_examples, config.seed);
  let run: typeof runs.$inferSelect;
  try {
    const outcome = await db.transaction(async (tx) => {
      if (input.if_running === "existing") {
        // Serialises "existing" requests for one model × version, so two at once reuse one run rather than start two.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`${ctx.project.id}:${model.id}:${version.id}`}))`);
        const [active] = await tx
          .select()
          .from(runs)
          .where(
            and(
              eq(runs.projectId, ctx.project.id),
              eq(runs.modelId, model.id),
              eq(runs.versionId, version.id),
              inArray(runs.status, [...ACTIVE_RUN_STATUSES]),
            ),
          )
          .orderBy(desc(runs.createdAt))
          .limit(1);
        if (active) return { run: active, reused: true };
      }
      const [row] = await tx
        .insert(runs)
        .values({
          projectId: ctx.project.id,
          modelId: model.id,
          benchmarkId: benchmark.id,
          versionId: version.id,
          origin,
          config,
          positions,
          totalItems: positions.length * config.samples_per_task,
          idempotencyKey: idempotencyKey ?? null,
          note: input.note || null,
          createdBy: ctx.actor.userId,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "run.create",
        resourceType: "run",
        resourceId: row.id,
        details: { model: model.key, benchmark: benchmark.key, version: version.number },
      });
      return { run: row, reused: false };
    });
    if (outcome.reused) return { run: outcome.run, created: false, reused: true };
    run = outcome.run;
  } catch (error) {
    // Two requests with one Idempotency-Key raced: return the winner's run.
    if (uniqueViolation(error) === "runs_idempotency_key" && idempotencyKey) return createRun(ctx, input, origin, idempotencyKey);
    throw error;
  }
  await enqueueRun(run.id);
  return { run, created: true, reused: false };
}
