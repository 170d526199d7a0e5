import { z } from "zod";
import { Normalization, normalizeText, numbersEqual, parseNumber, truthTexts } from "../normalize";
import { firstRegexMatch, RegexSource } from "../regex";
import { passFail, type Scorer } from "../types";

export const RegexParserParams = z.strictObject({
  parsing_regexes: z.array(RegexSource).min(1).max(20).describe("Tried in order; the first that matches wins"),
  truth_regex: RegexSource.optional().describe("Extracts the answer from the truth text, e.g. `####\\s*(.+)` for GSM8K"),
  occurrence: z.enum(["first", "last"]).default("first").describe("Which match of the winning regex to use"),
  ignore_case: z.boolean().default(true).describe("Match the parsing regexes case-insensitively"),
  compare: z.enum(["auto", "numeric", "text"]).default("auto").describe("auto: numeric when both sides are numbers"),
  normalization: Normalization.prefault({}),
});
export type RegexParserParams = z.infer<typeof RegexParserParams>;

/**
 * llama-stack's regex_parser: extract the answer with the first matching regex (group 1, else the whole
 * match) and compare it with each acceptable answer, numerically when both read as numbers.
 */
export const regexParser: Scorer<RegexParserParams> = (ctx, params) => {
  const options = { ignoreCase: params.ignore_case, occurrence: params.occurrence };
  const extracted = firstRegexMatch(ctx.response, params.parsing_regexes, options);
  if (!extracted) return passFail(false, "no parsing regex matched the response");
  const truths = truthTexts(ctx.task).map((t) => {
    if (!params.truth_regex) return t.trim();
    return firstRegexMatch(t, [params.truth_regex], { ...options, occurrence: "last" })?.value ?? t.trim();
  });
  const answerNumber = params.compare === "text" ? null : parseNumber(extracted.value);
  const hit = truths.find((truth) => {
    const truthNumber = params.compare === "text" ? null : parseNumber(truth);
    if (answerNumber !== null && truthNumber !== null) return numbersEqual(answerNumber, truthNumber);
    if (params.compare === "numeric") return false;
    return normalizeText(extracted.value, params.normalization) === normalizeText(truth, params.normalization);
  });
  const why =
    hit !== undefined
      ? `extracted "${extracted.value}" matches "${hit}"`
      : `extracted "${extracted.value}", expected ${truths.map((t) => `"${t}"`).join(" or ")}`;
  return passFail(hit !== undefined, why, extracted.value);
};
