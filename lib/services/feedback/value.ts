import { AppError } from "@/lib/errors";

/** A feedback value as stored: bool keys take 0, 1, true or false only; scalar keys any finite number. */
export function feedbackValue(kind: "bool" | "scalar", value: number | boolean, path = "value"): number {
  if (typeof value === "boolean") {
    if (kind === "scalar") throw AppError.field(path, `${path} must be a number for a scalar feedback key`);
    return value ? 1 : 0;
  }
  if (kind === "bool" && value !== 0 && value !== 1)
    throw AppError.field(path, `${path} must be 0, 1, true or false for a bool feedback key`);
  return value;
}
