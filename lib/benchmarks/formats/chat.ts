import type { RowIssue } from "../row-issue";
import { extraFields, finish, isRecord, notAnObject, parseMessages, readText } from "./fields";
import type { RowMapper } from "./types";

const KNOWN = new Set(["messages", "completion"]);

/** Chat-dataset JSONL: `{messages: [...], completion: text}`; the completion is the truth. */
export const chatMapper: RowMapper = (raw) => {
  if (!isRecord(raw)) return notAnObject(raw);
  const issues: RowIssue[] = [];
  const input = parseMessages(raw.messages, "messages", issues);
  const truth = readText(raw, "completion", issues);
  if (!input || truth === undefined) return { errors: issues };
  return finish({ type: "qa", input, truth, metadata: extraFields(raw, KNOWN) }, issues);
};
