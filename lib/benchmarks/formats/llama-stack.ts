import type { RowIssue } from "../row-issue";
import type { Message } from "../task";
import { extraFields, finish, isRecord, notAnObject, parseMessages, readSubset, readText } from "./fields";
import type { RowMapper } from "./types";

export const LLAMA_STACK_PURPOSES = ["eval/question-answer", "eval/messages-answer", "post-training/messages"] as const;
export type LlamaStackPurpose = (typeof LLAMA_STACK_PURPOSES)[number];

/** post-training/messages rows are kept with the benchmark but cannot be run as tasks. */
export function isRunnablePurpose(purpose: LlamaStackPurpose): boolean {
  return purpose !== "post-training/messages";
}

// A trailing assistant turn is the training target, so it becomes the truth.
function splitTarget(messages: Message[]): { input: Message[]; truth: string | null } {
  const last = messages.at(-1);
  if (last?.role === "assistant" && messages.length > 1) return { input: messages.slice(0, -1), truth: last.content };
  return { input: messages, truth: null };
}

function postTraining(raw: Record<string, unknown>, issues: RowIssue[]) {
  const messages = parseMessages(raw.messages, "messages", issues);
  if (!messages) return { errors: issues };
  const { input, truth } = splitTarget(messages);
  const metadata = { ...extraFields(raw, new Set(["messages"])), runnable: false };
  return finish({ type: "qa", input, truth, metadata }, issues);
}

/** Llama Stack dataset rows, by the dataset's purpose. */
export function llamaStackMapper(purpose: LlamaStackPurpose): RowMapper {
  return (raw) => {
    if (!isRecord(raw)) return notAnObject(raw);
    const issues: RowIssue[] = [];
    if (purpose === "post-training/messages") return postTraining(raw, issues);
    const questionField = purpose === "eval/question-answer" ? "question" : "messages";
    const input = questionField === "question" ? readText(raw, "question", issues) : parseMessages(raw.messages, "messages", issues);
    const truth = readText(raw, "answer", issues);
    const { subset, column } = readSubset(raw, issues);
    if (input === undefined || truth === undefined) return { errors: issues };
    const metadata = extraFields(raw, new Set([questionField, "answer", column ?? ""]));
    return finish({ type: "qa", input, truth, subset, metadata }, issues);
  };
}
