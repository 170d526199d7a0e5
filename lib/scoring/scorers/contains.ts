import { z } from "zod";
import { LinearRegExp } from "@/lib/linear-regex";
import { RegexSource } from "../regex";
import { answerText, Normalization, normalizeText, truthTexts } from "../normalize";
import { passFail, type Scorer } from "../types";

export const ContainsParams = z.strictObject({
  normalization: Normalization.prefault({}),
  require_all: z.boolean().default(false).describe("Every acceptable answer must appear, not just one"),
});
export type ContainsParams = z.infer<typeof ContainsParams>;

/** Passes when the answer contains an acceptable answer (or all of them with require_all). */
export const contains: Scorer<ContainsParams> = (ctx, params) => {
  const answer = normalizeText(answerText(ctx), params.normalization);
  const truths = truthTexts(ctx.task).map((t) => normalizeText(t, params.normalization));
  const found = truths.filter((t) => t.length > 0 && answer.includes(t));
  const pass = truths.length > 0 && (params.require_all ? found.length === truths.length : found.length > 0);
  return passFail(pass, `found ${found.length} of ${truths.length} acceptable answers`);
};

export const SubsetOfParams = z.strictObject({
  normalization: Normalization.prefault({}),
  separator: RegexSource.max(200).default(String.raw`,|;|\n|\band\b`).describe("Regex splitting the answer into items"),
});
export type SubsetOfParams = z.infer<typeof SubsetOfParams>;

/** Splits the answer into items and passes when there is at least one and every item is acceptable. */
export const subsetOf: Scorer<SubsetOfParams> = (ctx, params) => {
  const allowed = new Set(truthTexts(ctx.task).map((t) => normalizeText(t, params.normalization)));
  const items = new LinearRegExp(params.separator, "iu")
    .split(answerText(ctx))
    .map((item) => normalizeText(item, params.normalization).replace(/^[\s.]+|[\s.]+$/g, ""))
    .filter((item) => item.length > 0);
  const outside = items.filter((item) => !allowed.has(item));
  const pass = items.length > 0 && outside.length === 0;
  const why =
    items.length === 0 ? "no items in the answer" : outside.length ? `not acceptable: ${outside.join(", ")}` : "all items acceptable";
  return passFail(pass, why, items.join(", "));
};
