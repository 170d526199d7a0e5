import type { RenderedPrompt } from "@/lib/benchmarks/render";
import type { Task } from "@/lib/benchmarks/task";
import type { Stage } from "./types";

/** What templates and expressions can read. Plain JSON only: no functions, no prototypes to climb. */
export type StageContext = {
  task: {
    text: string;
    type: Task["type"];
    subset: string | null;
    metadata: Record<string, unknown>;
    system_prompt: string | null;
    schema: unknown;
    /** Grading stage only, so a prompt template cannot leak the answer to the model. */
    truth?: unknown;
  };
  choices: { letter: string; text: string }[];
  letters: string[];
  /** Grading stage only, like Equistamp's `correct`. */
  correct?: string[];
  response?: string;
  parsed?: unknown;
};

export type ContextInput = {
  task: Task;
  rendered?: RenderedPrompt;
  response?: string;
  parsed?: unknown;
};

/** The question as written (or its chosen paraphrase), without the choice list renderPrompt appends. */
export function questionText(task: Task, rendered?: RenderedPrompt): string {
  const paraphrase = rendered?.paraphraseIndex === undefined ? undefined : task.paraphrases?.[rendered.paraphraseIndex];
  return paraphrase ?? inputText(task.input);
}

/** A task input's question: the text, or the last user message of a conversation. */
export function inputText(input: Task["input"]): string {
  if (typeof input === "string") return input;
  return input.findLast((m) => m.role === "user")?.content ?? "";
}

export function buildContext(stage: Stage, input: ContextInput): StageContext {
  const { task, rendered } = input;
  const choices = (rendered?.choices ?? []).map(({ letter, text }) => ({ letter, text }));
  const context: StageContext = {
    task: {
      text: questionText(task, rendered),
      type: task.type,
      subset: task.subset ?? null,
      metadata: task.metadata,
      system_prompt: task.system_prompt ?? null,
      schema: task.json_schema ?? null,
    },
    choices,
    letters: choices.map((c) => c.letter),
  };
  if (stage === "parsing" || stage === "grading") context.response = input.response ?? "";
  if (stage === "grading") {
    context.task.truth = task.truth;
    context.correct = rendered?.correctLetters ?? [];
    context.parsed = input.parsed ?? null;
  }
  // A JSON round trip drops anything that is not data (functions, class instances, undefined).
  return JSON.parse(JSON.stringify(context)) as StageContext;
}
