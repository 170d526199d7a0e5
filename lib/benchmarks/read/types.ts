import type { RowIssue } from "../row-issue";

/** One row as read from the file, before mapping. Row numbers are line numbers (JSONL, CSV) or 1-based array positions (JSON). */
export type ReadRow = { row: number; value?: unknown; issues: RowIssue[] };

export type FileFormat = "jsonl" | "json" | "csv";

export type ReadOptions = { maxBytes?: number; maxLineBytes?: number };
