import { z } from "zod";
import { LinearRegExp, regexError } from "@/lib/linear-regex";
import { type RowIssue, rowError } from "../row-issue";
import { type TaskDraft, TaskType } from "../task";
import { describeType, finish, getPath, isRecord, notAnObject, parseBool, readInput, readText } from "./fields";
import type { RowMapper } from "./types";

const Field = z.string().trim().min(1).max(200).describe("Column name or dotted path such as data.question");

export const FieldMapping = z.object({
  input_field: Field,
  truth_field: Field,
  truth_regex: z
    .string()
    .min(1)
    .max(500)
    .refine(
      (source) => regexError(source) === undefined,
      "truth_regex is not a valid regular expression (RE2 syntax: no lookaround or backreferences)",
    )
    .optional()
    .describe("Extracts the truth: the first capture group, or the whole match when there is none"),
  subset_field: Field.optional(),
  type: TaskType.exclude(["MCQ"]).default("qa").describe("MCQ needs choices, which only the CSV column mapping provides"),
});
export type FieldMapping = z.infer<typeof FieldMapping>;

export function extractTruth(text: string, regex: LinearRegExp): string | undefined {
  const match = regex.exec(text);
  if (!match) return undefined;
  return (match[1] ?? match[0]).trim();
}

function readTruth(row: Record<string, unknown>, mapping: FieldMapping, regex: LinearRegExp | undefined, issues: RowIssue[]) {
  const field = mapping.truth_field;
  let value = getPath(row, field);
  if (value === undefined) {
    issues.push(rowError("missing_field", `${field} is missing`, field));
    return undefined;
  }
  if (regex) {
    if (typeof value !== "string") {
      issues.push(rowError("wrong_type", `${field} must be text to apply truth_regex, got ${describeType(value)}`, field));
      return undefined;
    }
    value = extractTruth(value, regex);
    if (value === undefined) issues.push(rowError("truth_regex_no_match", `truth_regex did not match ${field}`, field));
  }
  if (value === undefined) return undefined;
  if (mapping.type === "bool") {
    const bool = parseBool(value);
    if (bool === undefined) issues.push(rowError("wrong_type", `${field} must be 1/true/yes or 0/false/no`, field));
    return bool;
  }
  if (mapping.type === "json" && typeof value === "string") {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      issues.push(rowError("invalid_json", `${field} is not valid JSON`, field));
      return undefined;
    }
  }
  return typeof value === "number" ? String(value) : value;
}

/** Any JSONL/CSV/JSON row, through a user-chosen input field, truth field and optional truth regex. */
export function fieldMapper(input: z.input<typeof FieldMapping>): RowMapper {
  const mapping = FieldMapping.parse(input);
  const regex = mapping.truth_regex === undefined ? undefined : new LinearRegExp(mapping.truth_regex);
  return (raw) => {
    if (!isRecord(raw)) return notAnObject(raw);
    const issues: RowIssue[] = [];
    const taskInput = readInput(raw, mapping.input_field, issues);
    const truth = readTruth(raw, mapping, regex, issues);
    const subset = mapping.subset_field ? readText(raw, mapping.subset_field, issues, false) : undefined;
    if (taskInput === undefined || truth === undefined) return { errors: issues };
    // Values come from JSON.parse or CSV text, so they are JSON by construction.
    return finish({ type: mapping.type, input: taskInput, truth: truth as TaskDraft["truth"], subset: subset || undefined }, issues);
  };
}
