import type { models } from "@/db/schema";
import { type RenderedPrompt, renderPrompt } from "@/lib/benchmarks/render";
import { buildContext, renderSystemPrompt, renderTemplate, sourceFor, systemPromptSource } from "@/lib/prompts";
import type { Task } from "@/lib/benchmarks/task";
import { type CallFailure, callModel, type ModelCall, type SimulatedQuestion } from "@/lib/providers/call-model";
import { type ChatMessage, ProviderError } from "@/lib/providers/chat-client";
import { truthTexts } from "@/lib/scoring/normalize";
import { type RunConfig, samplingToParams } from "@/lib/validation/runs";

type Model = typeof models.$inferSelect;

export type ItemOutcome = {
  messages: ChatMessage[];
  requestParams: Record<string, unknown>;
  rawResponse: unknown;
  responseText: string | null;
  latencyMs: number;
  tokensIn: number;
  tokensOut: number;
  tokensEstimated: boolean;
  cost: number;
  attempts: number;
  error: string | null;
  errorKind: string | null;
  correctLetters?: string[];
};

/** What a simulated model would answer: the right answer, or a plausible wrong one. */
function simulatedTruth(task: Task, correctLetters: string[] | undefined, letters: string[]) {
  if (task.type === "MCQ" && correctLetters?.length)
    return { truth: correctLetters[0] as string, distractors: letters.filter((l) => !correctLetters.includes(l)) };
  if (task.type === "bool") return { truth: String(task.truth), distractors: [String(!task.truth)] };
  const truth = Array.isArray(task.truth)
    ? String(task.truth[0] ?? "")
    : typeof task.truth === "string"
      ? task.truth
      : JSON.stringify(task.truth);
  return { truth, distractors: [] };
}

/** The run's prompt template for this task type (or its default), applied to the final user message. */
async function applyTemplate(task: Task, rendered: RenderedPrompt, config: RunConfig): Promise<ChatMessage[]> {
  const messages = rendered.messages as ChatMessage[];
  const source = sourceFor(config.prompt_templates, task.type);
  if (!source) return messages;
  const result = await renderTemplate("prompt", source, buildContext("prompt", { task, rendered }));
  if (!result.ok) throw new Error(`Prompt template failed: ${result.error.message}`);
  const last = messages.findLastIndex((m) => m.role === "user");
  return messages.map((m, i) => (i === last ? { ...m, content: result.value } : m));
}

/**
 * The run's system prompt template, when it sets one, replaces the task's own system message (renderPrompt
 * puts it first); a template that renders blank sends none. Without one, the task's system message stays.
 */
async function applySystemPrompt(task: Task, rendered: RenderedPrompt, messages: ChatMessage[], config: RunConfig): Promise<ChatMessage[]> {
  const source = systemPromptSource(config, task.type);
  if (source === undefined) return messages;
  const result = await renderSystemPrompt(source, task, rendered);
  if (!result.ok) throw new Error(`System prompt template failed: ${result.error.message}`);
  const rest = messages[0]?.role === "system" ? messages.slice(1) : messages;
  return result.value.trim() === "" ? rest : [{ role: "system", content: result.value }, ...rest];
}

/** How a run calls its model for one item: cancellation, slot priority and the dead-endpoint counter. */
export type ItemCallOptions = Pick<ModelCall, "signal" | "priority" | "onFailedAttempt">;

/** The messages a run sends for a task (templates and system prompt applied): what a model, or a person taking the benchmark, sees. */
export async function promptFor(task: Task, config: RunConfig): Promise<{ rendered: RenderedPrompt; messages: ChatMessage[] }> {
  const rendered = renderPrompt(task, config.seed);
  return { rendered, messages: await applySystemPrompt(task, rendered, await applyTemplate(task, rendered, config), config) };
}

/** An item ready to send: its messages and parameters, rendered before the run's slot is taken. */
export type PreparedItem = {
  messages: ChatMessage[];
  params: Record<string, unknown>;
  correctLetters?: string[];
  simulated: SimulatedQuestion;
};

/** Renders one (task, sample): templates, sampling parameters and what a simulated model is asked. */
export async function prepareItem(
  model: Model,
  task: Task,
  item: { taskKey: string; sample: number },
  config: RunConfig,
): Promise<PreparedItem> {
  const { rendered, messages } = await promptFor(task, config);
  const params = {
    ...samplingToParams(config.sampling),
    ...(model.maxTokens && !config.sampling.max_tokens ? { max_tokens: model.maxTokens } : {}),
  };
  const simulated = {
    key: `${item.taskKey}:${item.sample}`,
    ...simulatedTruth(task, rendered.correctLetters, rendered.choices?.map((c) => c.letter) ?? []),
    acceptable: truthTexts(task),
  };
  return { messages, params, correctLetters: rendered.correctLetters, simulated };
}

/** Calls the model once for a prepared item (with retries inside callModel) and measures it. */
export async function callItem(
  model: Model,
  prepared: PreparedItem,
  config: RunConfig,
  options: ItemCallOptions = {},
): Promise<ItemOutcome> {
  const { messages, params, simulated } = prepared;
  const base = { messages, requestParams: params, correctLetters: prepared.correctLetters };
  try {
    const result = await callModel(model, {
      messages,
      params,
      stream: config.stream,
      timeoutMs: config.timeout_ms,
      maxAttempts: config.max_attempts,
      simulated,
      ...options,
    });
    return {
      ...base,
      rawResponse: result.raw,
      responseText: result.text,
      latencyMs: result.latencyMs,
      tokensIn: result.usage.promptTokens,
      tokensOut: result.usage.completionTokens,
      tokensEstimated: result.usage.estimated,
      cost: result.cost,
      attempts: result.attempts,
      error: null,
      errorKind: null,
    };
  } catch (error) {
    const e = error as Partial<CallFailure>;
    return {
      ...base,
      rawResponse: null,
      responseText: null,
      latencyMs: e.latencyMs ?? 0,
      tokensIn: 0,
      tokensOut: 0,
      tokensEstimated: false,
      cost: 0,
      attempts: e.attempts ?? config.max_attempts,
      error: e.message ?? String(error),
      errorKind: error instanceof ProviderError ? error.kind : "internal",
    };
  }
}

/** Renders one (task, sample), calls the model once (with retries inside callModel) and measures it. */
export async function executeItem(
  model: Model,
  task: Task,
  item: { taskKey: string; sample: number },
  config: RunConfig,
  options: ItemCallOptions = {},
): Promise<ItemOutcome> {
  return callItem(model, await prepareItem(model, task, item, config), config, options);
}
