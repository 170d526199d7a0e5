import { hasErrors, fromZodIssues, type RowIssue, rowError } from "../row-issue";
import { type Message, Task, type TaskDraft } from "../task";
import type { MapResult } from "./types";

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Reads `a.b.0.c`; an exact key wins so CSV headers that contain dots still work. */
export function getPath(value: unknown, path: string): unknown {
  if (isRecord(value) && path in value) return value[path];
  let current: unknown = value;
  for (const part of path.split(".")) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isRecord(current) && Object.hasOwn(current, part)) current = current[part];
    else return undefined;
  }
  return current;
}

/** Columns that name a task's subset, in order of preference; the first present becomes the subset. */
export const SUBSET_COLUMNS = ["subset", "category", "split"];

/** The subset from the first subset-like column (any case), and that column's name so it stays out of metadata. */
export function readSubset(row: Record<string, unknown>, issues: RowIssue[]): { subset?: string; column?: string } {
  const keys = Object.keys(row);
  const column = SUBSET_COLUMNS.map((name) => keys.find((k) => k.toLowerCase() === name)).find((k) => k !== undefined);
  if (column === undefined) return {};
  return { subset: readText(row, column, issues, false)?.trim() || undefined, column };
}

/** Keys a format does not know are kept as metadata, so nothing in the upload is silently lost. */
export function extraFields(row: Record<string, unknown>, known: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([key]) => !known.has(key)));
}

export function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

// Llama Stack and OpenAI allow content as a list of parts; only text parts can be a benchmark input.
function contentText(content: unknown): string | undefined {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return undefined;
  const texts: string[] = [];
  for (const part of content) {
    if (isRecord(part) && part.type === "text" && typeof part.text === "string") texts.push(part.text);
    else return undefined;
  }
  return texts.join("");
}

const ROLES = new Set(["system", "user", "assistant"]);

export function parseMessages(value: unknown, field: string, issues: RowIssue[]): Message[] | undefined {
  if (!Array.isArray(value)) {
    issues.push(rowError("wrong_type", `${field} must be a list of messages, got ${describeType(value)}`, field));
    return undefined;
  }
  if (value.length === 0) {
    issues.push(rowError("missing_field", `${field} is an empty list`, field));
    return undefined;
  }
  const messages: Message[] = [];
  for (const [index, item] of value.entries()) {
    const at = `${field}.${index}`;
    const role = isRecord(item) ? item.role : undefined;
    const content = isRecord(item) ? contentText(item.content) : undefined;
    if (typeof role !== "string" || !ROLES.has(role)) {
      issues.push(rowError("invalid_value", `${at}.role must be system, user or assistant`, `${at}.role`));
    } else if (content === undefined) {
      issues.push(rowError("wrong_type", `${at}.content must be text`, `${at}.content`));
    } else {
      messages.push({ role: role as Message["role"], content });
    }
  }
  return messages.length === value.length ? messages : undefined;
}

/** A required text field; numbers are accepted as text because spreadsheets and JSON exports mix them. */
export function readText(row: Record<string, unknown>, field: string, issues: RowIssue[], required = true): string | undefined {
  const value = getPath(row, field);
  if (value === undefined || value === null) {
    if (required) issues.push(rowError("missing_field", `${field} is missing`, field));
    return undefined;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value !== "string") {
    issues.push(rowError("wrong_type", `${field} must be text, got ${describeType(value)}`, field));
    return undefined;
  }
  return value;
}

/** Text or chat messages, as Stratix and the generic mapping both allow. */
export function readInput(row: Record<string, unknown>, field: string, issues: RowIssue[]) {
  const value = getPath(row, field);
  if (Array.isArray(value)) return parseMessages(value, field, issues);
  return readText(row, field, issues);
}

export function notAnObject(raw: unknown): MapResult {
  return { errors: [rowError("wrong_type", `row must be a JSON object, got ${describeType(raw)}`)] };
}

/** Runs the task schema over a mapper's draft and merges its issues with the mapper's own. */
export function finish(draft: TaskDraft | undefined, issues: RowIssue[]): MapResult {
  if (!draft || hasErrors(issues)) return { errors: issues };
  const parsed = Task.safeParse(draft);
  if (!parsed.success) return { errors: [...issues, ...fromZodIssues(parsed.error.issues)] };
  return { task: parsed.data, errors: issues };
}

const TRUE_WORDS = new Set(["1", "true", "yes"]);
const FALSE_WORDS = new Set(["0", "false", "no"]);

/** 1/true/yes and 0/false/no in any case; anything else is undefined so callers can report it. */
export function parseBool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  const word = String(value ?? "")
    .trim()
    .toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
