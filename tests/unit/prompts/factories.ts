import { renderPrompt } from "@/lib/benchmarks/render";
import { Task, type TaskDraft } from "@/lib/benchmarks/task";
import { buildContext } from "@/lib/prompts/context";
import type { Stage } from "@/lib/prompts/types";

export function makeTask(draft: Partial<TaskDraft> = {}): Task {
  return Task.parse({ type: "qa", input: "What is the capital of France?", truth: "Paris", ...draft });
}

export const mcqTask = () =>
  makeTask({
    type: "MCQ",
    input: "Which is a prime?",
    truth: null,
    choices: { correct: ["7"], incorrect: ["4", "6", "9"] },
    subset: "math",
  });

export function contextFor(stage: Stage, task: Task, extra: { response?: string; parsed?: unknown } = {}) {
  return buildContext(stage, { task, rendered: renderPrompt(task, 1), ...extra });
}
