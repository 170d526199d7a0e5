import type { z } from "zod";

/** One problem with one row; `type` is a stable machine-readable code, `message` is for people. */
export type RowIssue = {
  message: string;
  level: "error" | "warning";
  type: string;
  field?: string;
};

export function rowError(type: string, message: string, field?: string): RowIssue {
  return field === undefined ? { message, level: "error", type } : { message, level: "error", type, field };
}

export function rowWarning(type: string, message: string, field?: string): RowIssue {
  return field === undefined ? { message, level: "warning", type } : { message, level: "warning", type, field };
}

export function hasErrors(issues: readonly RowIssue[]): boolean {
  return issues.some((issue) => issue.level === "error");
}

// Custom refinements carry their own code in params.type; built-in zod codes get a stable name here.
function issueType(issue: z.core.$ZodIssue): string {
  if (issue.code === "custom" && typeof issue.params?.type === "string") return issue.params.type;
  if (issue.code === "invalid_type") return issue.message.includes("received undefined") ? "missing_field" : "wrong_type";
  if (issue.code === "invalid_union") return "wrong_type";
  if (issue.code === "too_big") return "too_long";
  if (issue.code === "too_small") return "too_short";
  if (issue.code === "unrecognized_keys") return "unknown_field";
  return "invalid_value";
}

export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): RowIssue[] {
  return issues.map((issue) => {
    const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys.join(",")] : issue.path;
    const field = path.map(String).join(".");
    return rowError(issueType(issue), field ? `${field}: ${issue.message}` : issue.message, field || undefined);
  });
}
