import { z } from "zod";
import { answerText, findNumbers, parseNumber, truthTexts } from "../normalize";
import { passFail, type Scorer } from "../types";

export const NumericParams = z.strictObject({
  absolute_tolerance: z.number().min(0).default(1e-6).describe("Largest absolute difference from the truth that still passes"),
  relative_tolerance: z.number().min(0).default(0).describe("Fraction of |truth|; the larger tolerance applies"),
  extract: z.enum(["whole", "first", "last"]).default("last").describe("Which number of the answer to read when it is not a bare number"),
});
export type NumericParams = z.infer<typeof NumericParams>;

/** Passes when the answer's number is within max(absolute, relative·|truth|) of an acceptable answer. */
export const numeric: Scorer<NumericParams> = (ctx, params) => {
  const text = answerText(ctx);
  const numbers = findNumbers(text);
  const value =
    typeof ctx.parsed === "number"
      ? ctx.parsed
      : (parseNumber(text) ?? (params.extract === "whole" ? null : params.extract === "first" ? numbers[0] : numbers[numbers.length - 1]));
  if (value === null || value === undefined) return passFail(false, "no number found in the response");
  const truths = truthTexts(ctx.task)
    .map(parseNumber)
    .filter((n): n is number => n !== null);
  if (truths.length === 0) return { value: 0, pass: false, error: "the task's truth is not a number" };
  const hit = truths.find((t) => Math.abs(value - t) <= Math.max(params.absolute_tolerance, params.relative_tolerance * Math.abs(t)));
  return passFail(
    hit !== undefined,
    hit !== undefined ? `${value} is within tolerance of ${hit}` : `${value} is not within tolerance of ${truths.join(" or ")}`,
    String(value),
  );
};
