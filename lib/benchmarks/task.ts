import { z } from "zod";

export const MAX_INPUT_CHARS = 200_000;
export const MAX_MESSAGES = 500;
export const MAX_SYSTEM_PROMPT_CHARS = 50_000;
export const MAX_TRUTH_CHARS = 200_000;
export const MAX_CHOICE_CHARS = 10_000;
export const MAX_CORRECT_CHOICES = 10;
export const MAX_INCORRECT_CHOICES = 20;
export const MAX_EXAMPLES = 50;
export const MAX_PARAPHRASES = 20;
export const MAX_TAGS = 50;
export const MAX_TAG_CHARS = 64;
export const MAX_SUBSET_CHARS = 200;
export const MAX_SCHEMA_REF_CHARS = 128;
export const MAX_METADATA_CHARS = 20_000;

export const TASK_TYPES = ["MCQ", "FRQ", "bool", "json", "qa"] as const;
export const TaskType = z.enum(TASK_TYPES);
export type TaskType = z.infer<typeof TaskType>;

export const Message = z.strictObject({
  role: z.enum(["system", "user", "assistant"]),
  content: z.string().max(MAX_INPUT_CHARS),
});
export type Message = z.infer<typeof Message>;

const Text = (max: number) => z.string().trim().min(1).max(max);
const JsonObject = z.record(z.string(), z.json());

export const TaskInput = z.union([
  z.string().max(MAX_INPUT_CHARS),
  z.array(Message).min(1, "input needs at least one message").max(MAX_MESSAGES),
]);

const TaskFields = z.strictObject({
  type: TaskType,
  input: TaskInput.describe("The text or chat messages sent to the model"),
  system_prompt: z.string().max(MAX_SYSTEM_PROMPT_CHARS).optional(),
  truth: z.json().describe("Text, list of acceptable answers, boolean, expected JSON, or null"),
  choices: z
    .strictObject({
      correct: z.array(Text(MAX_CHOICE_CHARS)).min(1).max(MAX_CORRECT_CHOICES),
      incorrect: z.array(Text(MAX_CHOICE_CHARS)).max(MAX_INCORRECT_CHOICES),
    })
    .optional()
    .describe("MCQ only; shown shuffled per run seed"),
  examples: z
    .strictObject({
      positive: z.array(z.string().max(MAX_CHOICE_CHARS)).max(MAX_EXAMPLES),
      negative: z.array(z.string().max(MAX_CHOICE_CHARS)).max(MAX_EXAMPLES),
    })
    .optional()
    .describe("FRQ only: answers that should and should not match"),
  json_schema: JsonObject.optional(),
  json_schema_ref: Text(MAX_SCHEMA_REF_CHARS).optional(),
  paraphrases: z.array(Text(MAX_INPUT_CHARS)).max(MAX_PARAPHRASES).optional(),
  answer_paraphrases: z.array(Text(MAX_TRUTH_CHARS)).max(MAX_PARAPHRASES).optional(),
  subset: Text(MAX_SUBSET_CHARS).optional(),
  tags: z.array(Text(MAX_TAG_CHARS)).max(MAX_TAGS).default([]),
  redacted: z.boolean().default(false),
  metadata: z.record(z.string(), z.unknown()).default({}),
});

type Fields = z.infer<typeof TaskFields>;
type Ctx = z.core.$RefinementCtx<Fields>;

function fail(ctx: Ctx, path: string, type: string, message: string) {
  ctx.addIssue({ code: "custom", path: [path], message, params: { type } });
}

function inputChars(input: Fields["input"]): number {
  return typeof input === "string" ? input.length : input.reduce((sum, m) => sum + m.content.length, 0);
}

export function isNonEmptyTruth(truth: unknown): boolean {
  if (typeof truth === "string") return truth.trim().length > 0;
  if (Array.isArray(truth)) return truth.length > 0 && truth.every((t) => typeof t === "string" && t.trim().length > 0);
  return false;
}

/** Post-training rows are stored with the benchmark but never sent to models as tasks. */
export function isRunnable(task: Pick<Fields, "metadata">): boolean {
  return task.metadata.runnable !== false;
}

function checkTypeRules(task: Fields, ctx: Ctx) {
  if (typeof task.input === "string" && task.input.trim() === "") fail(ctx, "input", "missing_field", "input is empty");
  if (inputChars(task.input) > MAX_INPUT_CHARS) fail(ctx, "input", "too_long", `input exceeds ${MAX_INPUT_CHARS} characters`);
  if (JSON.stringify(task.truth).length > MAX_TRUTH_CHARS) fail(ctx, "truth", "too_long", `truth exceeds ${MAX_TRUTH_CHARS} characters`);
  if (JSON.stringify(task.metadata).length > MAX_METADATA_CHARS) {
    fail(ctx, "metadata", "too_long", `metadata exceeds ${MAX_METADATA_CHARS} characters`);
  }
  if (task.type !== "MCQ" && task.choices) fail(ctx, "choices", "invalid_value", "choices are only allowed for MCQ tasks");
  if (task.type !== "FRQ" && task.examples) fail(ctx, "examples", "invalid_value", "examples are only allowed for FRQ tasks");
  if (task.type !== "json" && (task.json_schema || task.json_schema_ref)) {
    fail(ctx, "json_schema", "invalid_value", "a JSON schema is only allowed for json tasks");
  }
  switch (task.type) {
    case "bool":
      if (typeof task.truth !== "boolean") fail(ctx, "truth", "wrong_type", "bool tasks need a true/false truth");
      break;
    case "MCQ":
      if (!task.choices) fail(ctx, "choices", "missing_field", "MCQ tasks need choices (at least one correct)");
      break;
    case "json":
      if (!task.json_schema && !task.json_schema_ref && task.truth === null) {
        fail(ctx, "truth", "missing_field", "json tasks need a JSON schema, a schema reference or an expected JSON value");
      }
      break;
    default:
      // qa and FRQ are scored against the truth, so a task without one could never be scored.
      if (isRunnable(task) && !isNonEmptyTruth(task.truth)) {
        fail(ctx, "truth", "missing_field", `${task.type} tasks need a non-empty truth (text or list of texts)`);
      }
  }
}

export const Task = TaskFields.superRefine(checkTypeRules);
export type Task = z.infer<typeof Task>;
/** What mappers build: defaults (tags, redacted, metadata) may be left out. */
export type TaskDraft = z.input<typeof Task>;
