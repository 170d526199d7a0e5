import { z } from "zod";
import { BenchmarkFileError } from "../file-error";
import type { RowIssue } from "../row-issue";
import { MAX_PARAPHRASES, TaskType } from "../task";
import { csvRowMapper } from "./csv-row";
import type { RowMapper } from "./types";

const Column = z.string().max(500).describe("A column name from the CSV header");
const Columns = z.array(Column).min(1).max(50);
const SchemaRefName = z.string().regex(/^[A-Za-z0-9._-]{1,128}$/, "Schema names may use letters, digits, '.', '_' and '-'");

/** Equistamp-style column mapping: which CSV columns hold which task fields. */
export const CsvMapping = z.object({
  question: Column.describe("The text sent to models"),
  type: Column.optional().describe("Per-row task type override (MCQ, FRQ, bool, json, qa; any case)"),
  default_type: TaskType.describe("Type of rows whose type cell is empty or unmapped"),
  redacted: Column.optional().describe("Non-empty cells other than 0/false/no mark the row redacted"),
  subset: Column.optional(),
  system_prompt: Column.optional(),
  paraphrases: z.array(Column).max(MAX_PARAPHRASES).optional().describe("Columns that paraphrase the question"),
  answer: Column.optional().describe("qa truth; falls back to frq_correct"),
  mcq_correct: Columns.optional(),
  mcq_incorrect: Columns.optional(),
  bool_correct: Column.optional().describe("1/true/yes or 0/false/no, any case"),
  frq_correct: Columns.optional(),
  frq_incorrect: Columns.optional(),
  json_schema: Column.optional().describe("Inline JSON Schema, or the name of one in schema_refs"),
  json_expected: Column.optional().describe("Expected JSON value"),
  schema_refs: z.record(SchemaRefName, z.record(z.string(), z.json())).optional(),
  tags: Column.optional().describe("Comma-separated tags"),
});
export type CsvMapping = z.infer<typeof CsvMapping>;

function mappedColumns(mapping: CsvMapping): [string, string][] {
  const found: [string, string][] = [];
  for (const [key, value] of Object.entries(mapping)) {
    if (key === "default_type" || key === "schema_refs" || value === undefined) continue;
    if (typeof value === "string") found.push([key, value]);
    if (Array.isArray(value)) for (const [i, column] of value.entries()) found.push([`${key}.${i}`, column]);
  }
  return found;
}

/** Every column the mapping names must exist in the header; the issues name each missing one. */
export function checkMapping(mapping: CsvMapping, header: readonly string[]): RowIssue[] {
  const known = new Set(header);
  const shown = header
    .slice(0, 30)
    .map((h) => JSON.stringify(h))
    .join(", ");
  return mappedColumns(mapping)
    .filter(([, column]) => !known.has(column))
    .map(([key, column]) => ({
      level: "error",
      type: "unknown_column",
      field: key,
      message: `mapping ${key} names column ${JSON.stringify(column)}, which is not in the header (${shown})`,
    }));
}

/** Builds the row mapper once the header is known; a mapping that does not fit the file is a file error. */
export function csvMapper(input: z.input<typeof CsvMapping>, header: readonly string[]): RowMapper {
  const parsed = CsvMapping.safeParse(input);
  if (!parsed.success) throw new BenchmarkFileError("invalid_mapping", `Invalid column mapping: ${z.prettifyError(parsed.error)}`);
  const issues = checkMapping(parsed.data, header);
  if (issues.length > 0) throw new BenchmarkFileError("unknown_column", issues.map((i) => i.message).join("; "));
  return csvRowMapper(parsed.data);
}
