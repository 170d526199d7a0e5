import { type RowIssue, rowError } from "../row-issue";
import type { Message, TaskDraft } from "../task";
import { describeType, extraFields, finish, isRecord, notAnObject, parseMessages, readInput, readSubset, readText } from "./fields";
import type { RowMapper } from "./types";

export type StratixInputType = "messages" | "json_payload";
const KNOWN = new Set(["input", "truth", "subset", "input_type"]);

function parseJsonText(value: unknown, issues: RowIssue[]): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    issues.push(rowError("invalid_json", "input is not valid JSON (input_type is json_payload)", "input"));
    return undefined;
  }
}

// A JSON payload is a request body; its messages become the input, the rest is kept for the run.
function payloadInput(value: unknown, issues: RowIssue[]) {
  const payload = parseJsonText(value, issues);
  if (!isRecord(payload)) {
    if (payload !== undefined) issues.push(rowError("wrong_type", `input must be a JSON object, got ${describeType(payload)}`, "input"));
    return undefined;
  }
  const { messages, ...rest } = payload;
  if (messages !== undefined) {
    const parsed = parseMessages(messages, "input.messages", issues);
    return parsed && { input: parsed, metadata: { input_type: "json_payload", payload: rest } };
  }
  return { input: JSON.stringify(payload), metadata: { input_type: "json_payload" } };
}

function messagesInput(value: unknown, issues: RowIssue[]): Message[] | undefined {
  const parsed = typeof value === "string" ? parseJsonText(value, issues) : value;
  return parsed === undefined ? undefined : parseMessages(parsed, "input", issues);
}

/** Stratix custom-benchmark JSONL: `{input: text | messages, truth: text, subset?}`. */
export function stratixMapper(options: { input_type?: StratixInputType } = {}): RowMapper {
  return (raw) => {
    if (!isRecord(raw)) return notAnObject(raw);
    const issues: RowIssue[] = [];
    const inputType = raw.input_type ?? options.input_type;
    if (inputType !== undefined && inputType !== "messages" && inputType !== "json_payload") {
      issues.push(rowError("invalid_value", "input_type must be messages or json_payload", "input_type"));
    }
    let input: TaskDraft["input"] | undefined;
    const { subset, column } = readSubset(raw, issues);
    let metadata: Record<string, unknown> = extraFields(raw, new Set([...KNOWN, column ?? ""]));
    if (raw.input === undefined || raw.input === null) issues.push(rowError("missing_field", "input is missing", "input"));
    else if (inputType === "json_payload") {
      const payload = payloadInput(raw.input, issues);
      input = payload?.input;
      metadata = { ...metadata, ...payload?.metadata };
    } else if (inputType === "messages") input = messagesInput(raw.input, issues);
    else input = readInput(raw, "input", issues);
    const truth = readText(raw, "truth", issues);
    if (input === undefined || truth === undefined) return { errors: issues };
    return finish({ type: "qa", input, truth, subset, metadata }, issues);
  };
}
