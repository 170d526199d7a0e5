export type ErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "too_many_requests"
  | "unprocessable";

export const statusOf: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  too_many_requests: 429,
};

export type FieldError = { path: string; message: string };

/** An expected failure with a message safe to show; anything else is logged and shown generically. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "AppError";
  }

  static field(path: string, message: string, code: ErrorCode = "bad_request"): AppError {
    return new AppError(code, message, [{ path, message }]);
  }
}

/** Postgres unique violations become a 409 naming the field, instead of a 500. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint_name?: string; cause?: unknown };
  if (e?.code === "23505") return e.constraint_name ?? "unique";
  if (e?.cause) return uniqueViolation(e.cause);
  return undefined;
}
