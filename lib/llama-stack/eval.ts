import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { isActive, runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { llamaStackMapper } from "@/lib/benchmarks/formats/llama-stack";
import { AppError } from "@/lib/errors";
import { executeItem } from "@/lib/jobs/execute-item";
import { assertValidScorers, scoreItem } from "@/lib/jobs/score";
import type { ScoreResult } from "@/lib/scoring/types";
import { scorerKeys } from "@/lib/scoring/scorer-keys";
import { getModelRow } from "@/lib/services/models/read";
import { cancelRun } from "@/lib/services/runs/cancel";
import { createRun } from "@/lib/services/runs/create";
import { getRunRow } from "@/lib/services/runs/read";
import { RunConfig } from "@/lib/validation/runs";
import type { z } from "zod";
import { aggregatedResults, aggregationRow, scoreRow } from "./results";
import { getResource } from "./resources";
import { purposeOfRow } from "./rows";
import type { BenchmarkConfig, EvaluateRows } from "./schemas";
import { scorerSpec } from "./scoring-functions";

type Model = Awaited<ReturnType<typeof getModelRow>>["model"];

const textOf = (content: NonNullable<BenchmarkConfig["eval_candidate"]["system_message"]>["content"]) =>
  (Array.isArray(content) ? content : [content]).map((c) => (typeof c === "string" ? c : c.text)).join("");

function sampling(params: BenchmarkConfig["eval_candidate"]["sampling_params"]) {
  const s = params.strategy ?? { type: "greedy" as const };
  return {
    strategy: s.type,
    ...(s.type === "top_p" ? { temperature: s.temperature, top_p: s.top_p } : {}),
    ...(s.type === "top_k" ? { top_k: s.top_k } : {}),
    max_tokens: params.max_tokens ?? undefined,
    stop: params.stop ?? undefined,
    repetition_penalty: params.repetition_penalty ?? undefined,
  };
}

/** The candidate (a Yardstick model key) and a run config: sampling, system message, scorers, sample size. */
async function runConfig(ctx: ProjectCtx, config: BenchmarkConfig, scoringFunctions: string[], extra: Partial<RunConfig> = {}) {
  const { model } = await getModelRow(ctx, { key: config.eval_candidate.model }).catch(() => {
    throw AppError.field("benchmark_config.eval_candidate.model", `No model with key ${config.eval_candidate.model}`, "not_found");
  });
  const judges = new Map<string, Model>();
  const scorers = [];
  for (const fn of scoringFunctions) {
    const override = config.scoring_params[fn];
    let judgeId: string | undefined;
    if (override?.type === "llm_as_judge") {
      const judge = await getModelRow(ctx, { key: override.judge_model }).catch(() => {
        throw AppError.field(`benchmark_config.scoring_params.${fn}.judge_model`, `No model with key ${override.judge_model}`, "not_found");
      });
      judges.set(judge.model.id, judge.model);
      judgeId = judge.model.id;
    }
    scorers.push(scorerSpec(fn, override, judgeId));
  }
  const system = config.eval_candidate.system_message;
  const parsed = RunConfig.safeParse({
    sampling: sampling(config.eval_candidate.sampling_params),
    system_prompt: system ? textOf(system.content) : undefined,
    num_examples: config.num_examples ?? undefined,
    scorers,
    ...extra,
  });
  if (!parsed.success) throw new AppError("bad_request", parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  assertValidScorers(parsed.data.scorers);
  return { model, judges, config: parsed.data };
}

/**
 * Starts a normal Yardstick run of the benchmark's dataset. The client retries without an idempotency
 * key, so a retried request (x-stainless-retry-count > 0) returns the model's running job instead.
 */
export async function runEval(ctx: ProjectCtx, benchmarkId: string, input: { benchmark_config: BenchmarkConfig }, retried: boolean) {
  const resource = await getResource(ctx, "benchmark", benchmarkId);
  const { model, config } = await runConfig(ctx, input.benchmark_config, resource.scoringFunctions);
  const { run } = await createRun(
    ctx,
    { model_id: model.id, benchmark_id: resource.benchmarkId, config, if_running: retried ? "existing" : "new" },
    "api",
  );
  return { job_id: run.id, status: run.status };
}

async function jobRun(ctx: ProjectCtx, benchmarkId: string, jobId: string) {
  const resource = await getResource(ctx, "benchmark", benchmarkId);
  const row = await getRunRow(ctx, jobId).catch(() => null);
  if (!row || row.run.benchmarkId !== resource.benchmarkId) throw new AppError("not_found", `Job ${jobId} not found`);
  return { resource, run: row.run };
}

export async function jobStatus(ctx: ProjectCtx, benchmarkId: string, jobId: string) {
  const { run } = await jobRun(ctx, benchmarkId, jobId);
  return { job_id: run.id, status: run.status };
}

/** Cancelling a finished job changes nothing, as in Llama Stack. */
export async function jobCancel(ctx: ProjectCtx, benchmarkId: string, jobId: string) {
  const { run } = await jobRun(ctx, benchmarkId, jobId);
  if (isActive(run.status)) await cancelRun(ctx, run.id);
}

/** generations and, per scoring function, score_rows (one per result) and aggregated_results. */
export async function jobResult(ctx: ProjectCtx, benchmarkId: string, jobId: string) {
  const { resource, run } = await jobRun(ctx, benchmarkId, jobId);
  if (run.status !== "completed")
    throw new AppError("conflict", `Job ${jobId} is ${run.status}; results are available once it is completed`);
  const results = await db
    .select({ response: runResults.responseText, scores: runResults.scores, subset: runResults.subset })
    .from(runResults)
    .where(and(eq(runResults.runId, run.id)))
    .orderBy(asc(runResults.position), asc(runResults.sample));
  const specs = RunConfig.parse(run.config).scorers ?? [];
  const keys = scorerKeys(specs);
  const scored = results.map((r) => ({ answer: r.response ?? "", subset: r.subset, scores: r.scores as Record<string, ScoreResult> }));
  return respond(scored, resource.scoringFunctions, keys, specs);
}

type Scored = { answer: string; subset: string | null; scores: Record<string, ScoreResult | undefined>; error?: string };

function respond(results: Scored[], functions: string[], keys: string[], specs: RunConfig["scorers"] & {}) {
  const scores = Object.fromEntries(
    functions.map((fn, i) => {
      const key = keys[i] as string;
      return [
        fn,
        {
          score_rows: results.map((r) => (r.error ? { score: null, error: r.error } : scoreRow(r.scores[key]))),
          aggregated_results: aggregatedResults(
            results.map((r) => aggregationRow(r.scores, key, r.subset)),
            specs[i]?.aggregations,
          ),
        },
      ];
    }),
  );
  return { generations: results.map((r) => ({ generated_answer: r.answer })), scores };
}

const EVALUATE_CONCURRENCY = 8;

/** Generates and scores a small batch synchronously (well inside the client's 60 s timeout); nothing is stored. */
export async function evaluateRows(ctx: ProjectCtx, benchmarkId: string, input: z.infer<typeof EvaluateRows>) {
  await getResource(ctx, "benchmark", benchmarkId);
  const tasks = input.input_rows.map((row, i) => {
    const mapped = llamaStackMapper(purposeOfRow(row))(row, i + 1);
    if (!mapped.task) throw AppError.field(`input_rows.${i}`, mapped.errors.map((e) => e.message).join("; ") || "not a valid row");
    return { ...mapped.task, key: `row-${i + 1}` };
  });
  const { model, judges, config } = await runConfig(ctx, input.benchmark_config, input.scoring_functions, {
    timeout_ms: 20_000,
    max_attempts: 2,
  });
  if (model.endpointType === "none")
    throw AppError.field("benchmark_config.eval_candidate.model", `${model.name} has no endpoint`, "unprocessable");
  const results: Scored[] = [];
  for (let start = 0; start < tasks.length; start += EVALUATE_CONCURRENCY) {
    const batch = tasks.slice(start, start + EVALUATE_CONCURRENCY).map(async (task) => {
      const outcome = await executeItem(model, task, { taskKey: task.key, sample: 0 }, config);
      if (outcome.error) return { answer: "", subset: null, scores: {}, error: `model call failed: ${outcome.error}` };
      const scored = await scoreItem(task, outcome.responseText ?? "", outcome.correctLetters, config, judges);
      return { answer: outcome.responseText ?? "", subset: task.subset ?? null, scores: scored.scores };
    });
    results.push(...(await Promise.all(batch)));
  }
  const specs = config.scorers ?? [];
  return respond(results, input.scoring_functions, scorerKeys(specs), specs);
}
