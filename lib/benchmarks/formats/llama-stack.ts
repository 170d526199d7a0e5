import { type RowIssue, rowError } from "../row-issue";
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

/** Task metadata key holding a Llama Stack row's question and answer fields exactly as written. */
export const LLAMA_STACK_FIELDS = "llama_stack_fields";

// Llama Stack writes input_query / expected_answer / chat_completion_input; older exports question / answer / messages.
const pick = (raw: Record<string, unknown>, names: string[]) => names.find((n) => raw[n] !== undefined) ?? (names[0] as string);

function readChatInput(raw: Record<string, unknown>, field: string, issues: RowIssue[]): Message[] | undefined {
  const value = raw[field];
  if (typeof value !== "string") return parseMessages(value, field, issues);
  try {
    return parseMessages(JSON.parse(value), field, issues);
  } catch {
    issues.push(rowError("wrong_type", `${field} must be a JSON list of messages`, field));
    return undefined;
  }
}

/** Llama Stack dataset rows, by the dataset's purpose. */
export function llamaStackMapper(purpose: LlamaStackPurpose): RowMapper {
  return (raw) => {
    if (!isRecord(raw)) return notAnObject(raw);
    const issues: RowIssue[] = [];
    if (purpose === "post-training/messages") return postTraining(raw, issues);
    const questionField =
      purpose === "eval/question-answer" ? pick(raw, ["input_query", "question"]) : pick(raw, ["chat_completion_input", "messages"]);
    const answerField = pick(raw, ["expected_answer", "answer"]);
    const input = purpose === "eval/question-answer" ? readText(raw, questionField, issues) : readChatInput(raw, questionField, issues);
    const truth = readText(raw, answerField, issues);
    const { subset, column } = readSubset(raw, issues);
    if (input === undefined || truth === undefined) return { errors: issues };
    const known = new Set([questionField, answerField, column ?? ""]);
    const fields = { [questionField]: raw[questionField], [answerField]: raw[answerField] };
    return finish({ type: "qa", input, truth, subset, metadata: { ...extraFields(raw, known), [LLAMA_STACK_FIELDS]: fields } }, issues);
  };
}
