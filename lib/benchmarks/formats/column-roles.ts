import { isDeepStrictEqual } from "node:util";
import type { Task } from "../task";
import { isRecord } from "./fields";

export type ColumnRole = { column: string; becomes: string };

const asText = (value: unknown) => (typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : value);

// Task fields a column's value can land in, in the order they are checked.
const FIELDS = [
  "input",
  "truth",
  "subset",
  "system_prompt",
  "type",
  "tags",
  "redacted",
  "paraphrases",
  "answer_paraphrases",
  "json_schema",
] as const;

function roleOf(column: string, value: unknown, task: Task): string {
  if (Object.hasOwn(task.metadata, column)) return `metadata.${column}`;
  const text = asText(value);
  for (const field of FIELDS) {
    const target = asText(task[field]);
    if (target !== undefined && (isDeepStrictEqual(target, text) || (Array.isArray(target) && target.includes(text)))) return field;
  }
  if (task.choices?.correct.includes(String(text))) return "correct choice";
  if (task.choices?.incorrect.includes(String(text))) return "incorrect choice";
  if (value === undefined || value === null || text === "") return "empty in the first row";
  return "read by the mapping";
}

/**
 * What each column (top-level key) of the first good row became, so a dry run shows a `category`
 * column as the subset, or an unknown one as metadata, instead of moving it silently.
 */
export function columnRoles(row: unknown, task: Task): ColumnRole[] {
  if (!isRecord(row)) return [];
  return Object.keys(row).map((column) => ({ column, becomes: roleOf(column, row[column], task) }));
}
