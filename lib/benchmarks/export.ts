import { stringify } from "csv-stringify/sync";
import type { Task } from "./task";

type Tasks = Iterable<Task> | AsyncIterable<Task>;

/** One task per line; reads back through the native mapper. */
export async function* tasksToJsonl(tasks: Tasks): AsyncGenerator<string> {
  for await (const task of tasks) yield `${JSON.stringify(task)}\n`;
}

export const CSV_EXPORT_COLUMNS = [
  "type",
  "input",
  "system_prompt",
  "truth",
  "mcq_correct",
  "mcq_incorrect",
  "frq_positive",
  "frq_negative",
  "json_schema",
  "json_schema_ref",
  "paraphrases",
  "answer_paraphrases",
  "subset",
  "tags",
  "redacted",
  "metadata",
] as const;

// A bare number ("-3", "+0.5", "-1e-3") is no formula: it stays a number in the spreadsheet.
const PLAIN_NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i;

/**
 * Spreadsheets run cells that start with =, +, -, @, tab or CR as formulas (`=cmd|…`), so such
 * text cells get a leading apostrophe, which spreadsheets show as text (OWASP CSV injection advice).
 */
export function escapeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell;
}

const text = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
};
const list = (values: string[] | undefined) => (values && values.length > 0 ? JSON.stringify(values) : "");

/** Lists and structured values become JSON text in a single cell. */
export function taskToCsvRow(task: Task): string[] {
  const cells: Record<(typeof CSV_EXPORT_COLUMNS)[number], string> = {
    type: task.type,
    input: text(task.input),
    system_prompt: text(task.system_prompt),
    truth: text(task.truth),
    mcq_correct: list(task.choices?.correct),
    mcq_incorrect: list(task.choices?.incorrect),
    frq_positive: list(task.examples?.positive),
    frq_negative: list(task.examples?.negative),
    json_schema: text(task.json_schema),
    json_schema_ref: text(task.json_schema_ref),
    paraphrases: list(task.paraphrases),
    answer_paraphrases: list(task.answer_paraphrases),
    subset: text(task.subset),
    tags: task.tags.join(", "),
    redacted: task.redacted ? "true" : "false",
    metadata: Object.keys(task.metadata).length > 0 ? JSON.stringify(task.metadata) : "",
  };
  return CSV_EXPORT_COLUMNS.map((column) => escapeFormula(cells[column]));
}

/** Header then one record per task, streamed; CRLF record endings as RFC 4180 and Excel expect. */
export async function* tasksToCsv(tasks: Tasks): AsyncGenerator<string> {
  const options = { record_delimiter: "windows" } as const;
  yield stringify([[...CSV_EXPORT_COLUMNS]], options);
  for await (const task of tasks) yield stringify([taskToCsvRow(task)], options);
}
