import { AppError } from "@/lib/errors";
import { JsonInputError, parseJsonInput } from "@/lib/validation/json-input";

/** A request body as JSON under the text policy and depth limit; every failure is a 400 naming the field. */
export function parseJsonBody(text: string): unknown {
  try {
    return parseJsonInput(text);
  } catch (error) {
    if (error instanceof JsonInputError) throw new AppError("bad_request", `Invalid body: ${error.message}`, [error.field]);
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}
