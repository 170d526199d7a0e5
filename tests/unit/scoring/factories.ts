import { renderPrompt } from "@/lib/benchmarks/render";
import { Task, type TaskDraft } from "@/lib/benchmarks/task";
import type { ScoreContext } from "@/lib/scoring/types";

export function makeTask(draft: Partial<TaskDraft> = {}): Task {
  return Task.parse({ type: "qa", input: "What is the capital of France?", truth: "Paris", ...draft });
}

export function ctx(response: string, draft: Partial<TaskDraft> = {}, extra: Partial<ScoreContext> = {}): ScoreContext {
  return { task: makeTask(draft), response, ...extra };
}

/** An MCQ context whose correctLetters come from the real renderer, as in a run. */
export function mcqCtx(response: string, seed = 1): ScoreContext & { correct: string } {
  const task = makeTask({ type: "MCQ", input: "2 + 2 = ?", truth: null, choices: { correct: ["4"], incorrect: ["3", "5", "22"] } });
  const rendered = renderPrompt(task, seed);
  const correctLetters = rendered.correctLetters ?? [];
  return { task, response, correctLetters, correct: correctLetters[0] ?? "" };
}
