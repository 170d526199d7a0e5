import { z } from "zod";
import { buildContext } from "@/lib/prompts/context";
import { evaluateExpression } from "@/lib/prompts/jsonata";
import { MAX_SOURCE_CHARS } from "@/lib/prompts/limits";
import type { AsyncScorer, ScoreResult } from "../types";

export const ExpressionParams = z.strictObject({
  expression: z.string().min(1).max(MAX_SOURCE_CHARS).describe("JSONata grading expression; sees task, choices, correct, response, parsed"),
});
export type ExpressionParams = z.infer<typeof ExpressionParams>;

/** Maps what a grading expression returned onto a score: boolean → pass, number → value, {value, pass, explanation}. */
export function toScore(value: unknown): ScoreResult {
  if (typeof value === "boolean") return { value: value ? 1 : 0, pass: value };
  if (typeof value === "number" || typeof value === "string") return { value };
  if (value && typeof value === "object" && !Array.isArray(value) && "value" in value) {
    const v = value as { value: unknown; pass?: unknown; explanation?: unknown };
    if (typeof v.value === "number" || typeof v.value === "string" || typeof v.value === "boolean") {
      return {
        value: v.value,
        ...(typeof v.pass === "boolean" ? { pass: v.pass } : {}),
        ...(typeof v.explanation === "string" ? { explanation: v.explanation } : {}),
      };
    }
  }
  return { value: 0, error: `grading expression returned ${JSON.stringify(value)}; expected a boolean, number, string or {value, pass}` };
}

/** Custom grader: a JSONata expression evaluated with the time, depth and size limits of lib/prompts. */
export const expressionScorer: AsyncScorer<ExpressionParams> = async (ctx, params) => {
  const rendered = ctx.correctLetters ? { messages: [], correctLetters: ctx.correctLetters } : undefined;
  const context = buildContext("grading", { task: ctx.task, rendered, response: ctx.response, parsed: ctx.parsed });
  const result = await evaluateExpression("grading", params.expression, context);
  if (!result.ok) {
    const where = result.error.line ? ` (line ${result.error.line}, column ${result.error.column})` : "";
    return { value: 0, error: `grading expression failed: ${result.error.message}${where}` };
  }
  return toScore(result.value);
};
