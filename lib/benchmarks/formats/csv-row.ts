import { type RowIssue, rowError, rowWarning } from "../row-issue";
import { MAX_CORRECT_CHOICES, MAX_INCORRECT_CHOICES, TASK_TYPES, type TaskDraft, type TaskType } from "../task";
import type { CsvMapping } from "./csv-mapping";
import { finish, isRecord, notAnObject, parseBool } from "./fields";
import type { RowMapper } from "./types";

type Cells = Record<string, unknown>;
type Typed = Pick<TaskDraft, "truth" | "choices" | "examples" | "json_schema" | "json_schema_ref">;

const cell = (row: Cells, column: string | undefined) => (column === undefined ? "" : String(row[column] ?? ""));
const filled = (row: Cells, columns: string[] | undefined) =>
  (columns ?? []).map((c) => cell(row, c).trim()).filter((value) => value !== "");

function rowType(row: Cells, mapping: CsvMapping, issues: RowIssue[]): TaskType | undefined {
  const value = cell(row, mapping.type).trim();
  if (value === "") return mapping.default_type;
  const found = TASK_TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
  if (!found) issues.push(rowError("invalid_value", `type ${JSON.stringify(value)} is not one of ${TASK_TYPES.join(", ")}`, mapping.type));
  return found;
}

// Equistamp keeps only the first 10 correct and 20 incorrect choices; we do too, but say so.
function capped(values: string[], max: number, field: string, issues: RowIssue[]): string[] {
  if (values.length > max) issues.push(rowWarning("truncated", `only the first ${max} ${field} answers are used`, field));
  return values.slice(0, max);
}

function mcq(row: Cells, m: CsvMapping, issues: RowIssue[]): Typed | undefined {
  const correct = capped(filled(row, m.mcq_correct), MAX_CORRECT_CHOICES, "mcq_correct", issues);
  const incorrect = capped(filled(row, m.mcq_incorrect), MAX_INCORRECT_CHOICES, "mcq_incorrect", issues);
  if (correct.length === 0) {
    issues.push(rowError("missing_field", "MCQ rows need at least one correct answer (mapping mcq_correct)", "mcq_correct"));
    return undefined;
  }
  if (incorrect.length === 0) issues.push(rowWarning("no_incorrect_choices", "MCQ row has no incorrect choices", "mcq_incorrect"));
  return { truth: correct, choices: { correct, incorrect } };
}

function bool(row: Cells, m: CsvMapping, issues: RowIssue[]): Typed | undefined {
  const value = parseBool(cell(row, m.bool_correct));
  if (value === undefined) {
    const message = m.bool_correct ? `${m.bool_correct} must be 1/true/yes or 0/false/no` : "bool rows need a bool_correct column";
    issues.push(rowError(m.bool_correct ? "invalid_value" : "missing_field", message, "bool_correct"));
    return undefined;
  }
  return { truth: value };
}

function frq(row: Cells, m: CsvMapping): Typed {
  const positive = filled(row, m.frq_correct);
  return { truth: positive, examples: { positive, negative: filled(row, m.frq_incorrect) } };
}

function qa(row: Cells, m: CsvMapping): Typed {
  const answer = cell(row, m.answer).trim();
  return { truth: answer !== "" ? answer : filled(row, m.frq_correct) };
}

function parseJsonCell(text: string, field: string, issues: RowIssue[]): unknown {
  try {
    return JSON.parse(text);
  } catch {
    issues.push(rowError("invalid_json", `${field} is not valid JSON`, field));
    return undefined;
  }
}

function json(row: Cells, m: CsvMapping, issues: RowIssue[]): Typed | undefined {
  const typed: Typed = { truth: null };
  const schemaText = cell(row, m.json_schema).trim();
  const refs = m.schema_refs ?? {};
  if (schemaText !== "" && Object.hasOwn(refs, schemaText)) {
    typed.json_schema_ref = schemaText;
    typed.json_schema = refs[schemaText];
  } else if (schemaText.startsWith("{")) {
    const schema = parseJsonCell(schemaText, "json_schema", issues);
    if (isRecord(schema)) typed.json_schema = schema as Typed["json_schema"];
  } else if (schemaText !== "") {
    const known = Object.keys(refs).join(", ") || "none";
    issues.push(
      rowError(
        "unknown_schema_ref",
        `json_schema ${JSON.stringify(schemaText)} is neither JSON nor a schema name (known: ${known})`,
        "json_schema",
      ),
    );
  }
  const expected = cell(row, m.json_expected).trim();
  if (expected !== "") typed.truth = parseJsonCell(expected, "json_expected", issues) as Typed["truth"];
  return typed;
}

function typedFields(type: TaskType, row: Cells, m: CsvMapping, issues: RowIssue[]): Typed | undefined {
  if (type === "MCQ") return mcq(row, m, issues);
  if (type === "bool") return bool(row, m, issues);
  if (type === "FRQ") return frq(row, m);
  if (type === "json") return json(row, m, issues);
  return qa(row, m);
}

export function csvRowMapper(mapping: CsvMapping): RowMapper {
  return (raw) => {
    if (!isRecord(raw)) return notAnObject(raw);
    const issues: RowIssue[] = [];
    const type = rowType(raw, mapping, issues);
    const typed = type && typedFields(type, raw, mapping, issues);
    if (!type || !typed) return { errors: issues };
    const paraphrases = filled(raw, mapping.paraphrases);
    const redactedCell = cell(raw, mapping.redacted).trim();
    const draft: TaskDraft = {
      type,
      input: cell(raw, mapping.question),
      ...typed,
      system_prompt: cell(raw, mapping.system_prompt).trim() || undefined,
      paraphrases: paraphrases.length > 0 ? paraphrases : undefined,
      subset: cell(raw, mapping.subset).trim() || undefined,
      tags: cell(raw, mapping.tags)
        .split(",")
        .map((t) => t.trim())
        .filter(Boolean),
      redacted: redactedCell !== "" && parseBool(redactedCell) !== false,
    };
    return finish(draft, issues);
  };
}
