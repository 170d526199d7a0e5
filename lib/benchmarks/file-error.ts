import { AppError, type ErrorCode } from "@/lib/errors";

/**
 * A problem with the file as a whole (too large, not a JSON array, bad mapping): nothing can be
 * imported. Extends AppError so the route wrapper maps it (413 for limits, 422 otherwise).
 */
export class BenchmarkFileError extends AppError {
  constructor(
    readonly type: string,
    message: string,
    code: ErrorCode = "unprocessable",
  ) {
    super(code, message);
    this.name = "BenchmarkFileError";
  }
}
