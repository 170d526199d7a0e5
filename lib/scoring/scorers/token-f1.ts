import { z } from "zod";
import { answerText, normalizeText, truthTexts } from "../normalize";
import type { Scorer } from "../types";

export const TokenF1Params = z.strictObject({
  pass_threshold: z.number().min(0).max(1).optional().describe("F1 at or above this counts as a pass"),
});
export type TokenF1Params = z.infer<typeof TokenF1Params>;

const SQUAD = { ignore_case: true, collapse_whitespace: true, strip_punctuation: true, strip_articles: true };

/** SQuAD v1.1 F1 between two texts: lower-case, no punctuation or articles, bag-of-tokens overlap. */
export function tokenF1(prediction: string, truth: string): number {
  const predicted = normalizeText(prediction, SQUAD).split(" ").filter(Boolean);
  const expected = normalizeText(truth, SQUAD).split(" ").filter(Boolean);
  // As in the official script: if either side is empty, F1 is 1 when both are, else 0.
  if (predicted.length === 0 || expected.length === 0) return predicted.length === expected.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of expected) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of predicted) {
    const left = counts.get(t) ?? 0;
    if (left > 0) {
      common++;
      counts.set(t, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Best F1 over the acceptable answers. */
export const tokenF1Scorer: Scorer<TokenF1Params> = (ctx, params) => {
  const answer = answerText(ctx);
  const truths = truthTexts(ctx.task);
  if (truths.length === 0) return { value: 0, error: "the task has no text truth" };
  const f1 = Math.max(...truths.map((t) => tokenF1(answer, t)));
  const result = { value: f1, explanation: `best token F1 ${f1.toFixed(3)} over ${truths.length} acceptable answers` };
  return params.pass_threshold === undefined ? result : { ...result, pass: f1 >= params.pass_threshold };
};
