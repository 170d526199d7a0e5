import type { RenderedPrompt } from "@/lib/benchmarks/render";
import type { Task, TaskType } from "@/lib/benchmarks/task";
import { buildContext } from "./context";
import { defaultStage } from "./defaults";
import { evaluateExpression } from "./jsonata";
import { renderTemplate } from "./liquid";
import type { StageResult } from "./types";

/** A run's sources for one stage, per task type with `default` for the rest. */
export type PerTaskType = Partial<Record<TaskType | "default", string>>;

export function sourceFor(sources: PerTaskType | undefined, type: TaskType): string | undefined {
  return sources?.[type] ?? sources?.default;
}

/** The run's system prompt template for a task type: a per-type template, else `system_prompt` (for every type). */
export function systemPromptSource(
  config: { system_prompt?: string; system_prompt_templates?: PerTaskType },
  type: TaskType,
): string | undefined {
  return sourceFor(config.system_prompt_templates, type) ?? config.system_prompt;
}

/** Renders a system prompt template with the prompt stage's context (no truth, no key). */
export function renderSystemPrompt(source: string, task: Task, rendered: RenderedPrompt): Promise<StageResult<string>> {
  return renderTemplate("system_prompt", source, buildContext("system_prompt", { task, rendered }));
}

/**
 * The parsing stage: a JSONata expression over the response (and the task, choices, letters); its
 * result is the parsed answer. Without a run source the task type's default applies.
 */
export function parseResponse(
  source: string | undefined,
  task: Task,
  rendered: RenderedPrompt | undefined,
  response: string,
): Promise<StageResult<unknown>> {
  return evaluateExpression("parsing", source ?? defaultStage("parsing", task.type), buildContext("parsing", { task, rendered, response }));
}
