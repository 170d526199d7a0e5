import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { db } from "@/db";
import { benchmarkTasks } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { renderPrompt } from "@/lib/benchmarks/render";
import { Task } from "@/lib/benchmarks/task";
import { AppError } from "@/lib/errors";
import {
  buildContext,
  checkTemplate,
  defaultStage,
  evaluateExpression,
  MAX_SOURCE_CHARS,
  renderTemplate,
  type Stage,
  type StageError,
} from "@/lib/prompts";
import { getVersionRow } from "../benchmarks/access";
import { visibleTask } from "../benchmarks/read";
import { fromRow } from "../benchmarks/task-rows";

const TaskRef = z.strictObject({
  benchmark_id: z.uuid("benchmark_id must be a benchmark id"),
  version: z.number().int().min(1).max(MAX_INT),
  position: z.number().int().min(1).max(MAX_INT),
});

export const TestExpression = z.object({
  stage: z
    .enum(["system_prompt", "prompt", "parsing", "grading"])
    .describe("Templates (Liquid) for the prompt stages, JSONata for parsing and grading"),
  source: z.string().max(MAX_SOURCE_CHARS, `source is at most ${MAX_SOURCE_CHARS} characters`),
  task: z.union([TaskRef, Task]).optional().describe("A task, or a reference to a stored one; a short FRQ example when absent"),
  response: z.string().max(200_000).optional().describe("The model's response, for parsing and grading"),
  parsed: z.unknown().optional().describe("The parsed response for grading; the task type's default parsing of `response` when absent"),
});
export type TestExpression = z.infer<typeof TestExpression>;

export type TestResult = { ok: true; value: unknown; context: object } | { ok: false; error: StageError; context?: object };

const EXAMPLE: Task = Task.parse({ type: "FRQ", input: "What is the capital of France?", truth: "Paris" });

async function resolveTask(ctx: ProjectCtx, task: TestExpression["task"]): Promise<Task> {
  if (!task) return EXAMPLE;
  if (!("benchmark_id" in task)) return task;
  const version = await getVersionRow(ctx, task.benchmark_id, task.version);
  const [row] = await db
    .select()
    .from(benchmarkTasks)
    .where(and(eq(benchmarkTasks.versionId, version.id), eq(benchmarkTasks.position, task.position)));
  if (!row) throw new AppError("not_found", `Task ${task.position} not found`);
  return visibleTask(ctx, fromRow(row));
}

/** Evaluates one stage's template or expression against a sample task, exactly as a run would (seed 0). */
export async function testExpression(ctx: ProjectCtx, input: TestExpression): Promise<TestResult> {
  const task = await resolveTask(ctx, input.task);
  const rendered = renderPrompt(task, 0);
  const stage: Stage = input.stage;
  let parsed = input.parsed;
  if (stage === "grading" && parsed === undefined) {
    const parsing = await evaluateExpression(
      "parsing",
      defaultStage("parsing", task.type),
      buildContext("parsing", { task, rendered, response: input.response }),
    );
    parsed = parsing.ok ? parsing.value : null;
  }
  const context = buildContext(stage, { task, rendered, response: input.response, parsed });
  const checked = stage === "system_prompt" || stage === "prompt" ? checkTemplate(stage, input.source) : undefined;
  if (checked && !checked.ok) return { ok: false, error: checked.error, context };
  const result =
    stage === "system_prompt" || stage === "prompt"
      ? await renderTemplate(stage, input.source, context)
      : await evaluateExpression(stage, input.source, context);
  return result.ok ? { ok: true, value: result.value, context } : { ok: false, error: result.error, context };
}
