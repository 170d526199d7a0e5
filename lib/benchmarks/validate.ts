import { jsonProblem } from "@/lib/validation/json-input";
import { createTaskHasher } from "./content-hash";
import { type ColumnRole, columnRoles } from "./formats/column-roles";
import { BenchmarkFileError } from "./file-error";
import type { RowMapper } from "./formats/types";
import type { ReadRow } from "./read/types";
import { type RenderedPrompt, renderPrompt } from "./render";
import { hasErrors, type RowIssue, rowError } from "./row-issue";
import { recommendedMinTasks } from "./sample-size";
import { isRunnable, type Task } from "./task";

export const MAX_ERROR_ROWS = 1_000;
export const DEFAULT_MAX_TASKS = 1_000_000;
export const PREVIEW_TASKS = 5;

export type RowErrors = { row: number; errors: RowIssue[] };
export type PreviewTask = { row: number; task: Task; prompt: RenderedPrompt };

export type ValidateOptions = {
  format: string;
  /** Called for each good task in file order, e.g. to stream into a COPY; awaited before reading on. */
  onTask?: (task: Task, row: number) => void | Promise<void>;
  /** Collect tasks in the result; defaults to true only when there is no onTask. */
  keepTasks?: boolean;
  maxTasks?: number;
  maxErrorRows?: number;
  seed?: number;
};

export type ValidationResult = {
  format: string;
  tasks: Task[];
  total: number;
  valid: number;
  /** Valid tasks stored but not runnable (post-training/messages rows). */
  notRunnable: number;
  /** Rows with issues, first maxErrorRows only; row 0 means the file as a whole. */
  errors: RowErrors[];
  errorRows: number;
  errorCount: number;
  warningCount: number;
  preview: PreviewTask[];
  /** What each column of the first good row became (input, truth, subset, metadata.x, …). */
  columns: ColumnRole[];
  recommendedMinTasks: number;
  contentHash: string;
};

/** A row breaking the text policy or the depth limit is an error naming the field, like any invalid row. */
function policyIssues(value: unknown): RowIssue[] {
  const problem = jsonProblem(value);
  return problem ? [rowError("invalid_text", problem.message, problem.path || undefined)] : [];
}

/** Maps every row, keeps the good tasks (or hands them to onTask) and summarises the problems. */
export async function validateRows(rows: AsyncIterable<ReadRow>, mapper: RowMapper, options: ValidateOptions): Promise<ValidationResult> {
  const maxTasks = options.maxTasks ?? DEFAULT_MAX_TASKS;
  const maxErrorRows = options.maxErrorRows ?? MAX_ERROR_ROWS;
  const keepTasks = options.keepTasks ?? !options.onTask;
  const hasher = createTaskHasher();
  const result: ValidationResult = {
    format: options.format,
    tasks: [],
    total: 0,
    valid: 0,
    notRunnable: 0,
    errors: [],
    errorRows: 0,
    errorCount: 0,
    warningCount: 0,
    preview: [],
    columns: [],
    recommendedMinTasks: 0,
    contentHash: "",
  };
  const report = (row: number, issues: RowIssue[]) => {
    if (issues.length === 0) return;
    result.errorRows += 1;
    for (const issue of issues) result[issue.level === "error" ? "errorCount" : "warningCount"] += 1;
    if (result.errors.length < maxErrorRows) result.errors.push({ row, errors: issues });
  };
  for await (const read of rows) {
    result.total += 1;
    const issues = hasErrors(read.issues) ? read.issues : [...read.issues, ...policyIssues(read.value)];
    const mapped = hasErrors(issues) ? { errors: [] } : mapper(read.value, read.row);
    report(read.row, [...issues, ...mapped.errors]);
    const task = "task" in mapped ? mapped.task : undefined;
    if (!task) continue;
    result.valid += 1;
    if (result.valid > maxTasks) {
      throw new BenchmarkFileError("too_many_tasks", `A version may hold at most ${maxTasks} tasks`, "payload_too_large");
    }
    if (result.valid === 1) result.columns = columnRoles(read.value, task);
    if (!isRunnable(task)) result.notRunnable += 1;
    hasher.add(task);
    if (keepTasks) result.tasks.push(task);
    if (result.preview.length < PREVIEW_TASKS) result.preview.push({ row: read.row, task, prompt: renderPrompt(task, options.seed ?? 0) });
    await options.onTask?.(task, read.row);
  }
  if (result.total === 0) report(0, [rowError("empty_file", "The file contains no rows")]);
  result.recommendedMinTasks = recommendedMinTasks(result.valid - result.notRunnable);
  result.contentHash = hasher.digest();
  return result;
}
