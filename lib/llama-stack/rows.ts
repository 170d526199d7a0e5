import { LLAMA_STACK_FIELDS } from "@/lib/benchmarks/formats/llama-stack";
import type { Task } from "@/lib/benchmarks/task";

const truthText = (truth: Task["truth"]) => (typeof truth === "string" ? truth : JSON.stringify(truth));

/**
 * A task as a Llama Stack dataset row: rows registered through Llama Stack come back exactly as written;
 * other Yardstick tasks read as input_query (or chat_completion_input) and expected_answer.
 */
export function taskToRow(task: Task): Record<string, unknown> {
  const { [LLAMA_STACK_FIELDS]: fields, ...rest } = task.metadata;
  if (fields && typeof fields === "object") return { ...(fields as Record<string, unknown>), ...rest };
  const input = typeof task.input === "string" ? { input_query: task.input } : { chat_completion_input: JSON.stringify(task.input) };
  return { ...input, expected_answer: truthText(task.truth), ...rest };
}

/** The purpose a row's own fields imply, for evaluate_rows on rows that were never registered. */
export function purposeOfRow(row: Record<string, unknown>): "eval/question-answer" | "eval/messages-answer" {
  return row.chat_completion_input !== undefined || row.messages !== undefined ? "eval/messages-answer" : "eval/question-answer";
}
