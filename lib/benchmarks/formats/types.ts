import type { RowIssue } from "../row-issue";
import type { Task } from "../task";

export type MapResult = { task?: Task; errors: RowIssue[] };

/** Turns one parsed row (a JSON value or a CSV record) into a task; never throws for bad data. */
export type RowMapper = (raw: unknown, rowNumber: number) => MapResult;
