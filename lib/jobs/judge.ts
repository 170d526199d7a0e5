import type { models } from "@/db/schema";
import type { Task } from "@/lib/benchmarks/task";
import { buildContext, renderTemplate } from "@/lib/prompts";
import { callModel } from "@/lib/providers/call-model";
import { type LlmJudgeParams, parseJudgeVerdict } from "@/lib/scoring/scorers/llm-judge";
import type { ScoreResult } from "@/lib/scoring/types";

type Model = typeof models.$inferSelect;

/** Asks the judge through callModel, so its rpm/tpm limits and max_concurrency hold like any other call. */
async function ask(judge: Model, prompt: string, key: string): Promise<string> {
  const result = await callModel(judge, {
    messages: [{ role: "user", content: prompt }],
    params: { temperature: 0 },
    timeoutMs: 60_000,
    maxAttempts: 3,
    // A simulated judge approves with its accuracy as probability: enough to exercise the pipeline offline.
    simulated: { key, truth: "Looks right. Score: 5", distractors: ["Not convincing. Score: 1"] },
  });
  return result.text;
}

/** LLM-as-judge: renders the judge prompt (it sees the truth, the response and the run's parsed answer), asks the judge model, parses its score. */
export async function judgeResponse(
  task: Task & { key: string },
  answer: { response: string; parsed?: unknown },
  params: LlmJudgeParams,
  judge: Model | undefined,
): Promise<ScoreResult> {
  if (!judge) return { value: 0, error: `judge model ${params.judge_model_id} is not available` };
  const prompt = await renderTemplate("prompt", params.prompt_template, buildContext("grading", { task, ...answer }));
  if (!prompt.ok) return { value: 0, error: `judge prompt failed: ${prompt.error.message}` };
  try {
    const verdict = parseJudgeVerdict(await ask(judge, prompt.value, task.key), params);
    const pass = params.pass_threshold !== undefined && verdict.score !== null ? verdict.score >= params.pass_threshold : undefined;
    return {
      value: verdict.normalized ?? 0,
      ...(pass === undefined ? {} : { pass }),
      explanation: verdict.rationale,
      ...(verdict.error ? { error: verdict.error } : {}),
    };
  } catch (error) {
    return { value: 0, error: `judge call failed: ${(error as Error).message}` };
  }
}
