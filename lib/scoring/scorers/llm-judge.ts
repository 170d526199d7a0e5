import { z } from "zod";
import { parseNumber } from "../normalize";
import { firstRegexMatch, RegexSource } from "../regex";

export const DEFAULT_JUDGE_REGEXES = [
  String.raw`(?:score|rating)\s*[:=]?\s*\**\s*(-?\d+(?:\.\d+)?)`,
  String.raw`(-?\d+(?:\.\d+)?)\s*/\s*\d+`,
];

/** LLM-as-judge needs a model call, so only its parameters and verdict parsing live in the pure core. */
export const LlmJudgeParams = z
  .strictObject({
    judge_model_id: z.string().min(1).max(200).describe("A model from the registry that grades the response"),
    prompt_template: z.string().min(1).max(20_000).describe("Liquid template; sees task, response, parsed, choices"),
    score_regexes: z
      .array(RegexSource)
      .min(1)
      .max(20)
      .default(DEFAULT_JUDGE_REGEXES)
      .describe("Regexes that read the score from the judge's reply; the first group is the number"),
    scale: z
      .strictObject({
        min: z.number().describe("The lowest score the judge may give"),
        max: z.number().describe("The highest score the judge may give"),
      })
      .default({ min: 1, max: 5 })
      .describe("The judge's score range, mapped to 0–1"),
    pass_threshold: z.number().optional().describe("Scores at or above this (on the judge's scale) pass"),
  })
  .refine((p) => p.scale.max > p.scale.min, { message: "scale.max must be greater than scale.min", path: ["scale"] });
export type LlmJudgeParams = z.infer<typeof LlmJudgeParams>;

export type JudgeVerdict = {
  /** On the judge's scale; null when no regex found a number or it fell outside the scale. */
  score: number | null;
  /** score mapped to [0, 1]. */
  normalized: number | null;
  rationale: string;
  error?: string;
};

/** Extracts the score with the last match of the first matching regex (judges reason first, then score). */
export function parseJudgeVerdict(text: string, params: Pick<LlmJudgeParams, "score_regexes" | "scale">): JudgeVerdict {
  const rationale = text.trim();
  const match = firstRegexMatch(text, params.score_regexes, { ignoreCase: true, occurrence: "last" });
  if (!match) return { score: null, normalized: null, rationale, error: "no score found in the judge's answer" };
  const score = parseNumber(match.value);
  const { min, max } = params.scale;
  if (score === null) return { score: null, normalized: null, rationale, error: `"${match.value}" is not a number` };
  if (score < min || score > max) {
    return { score: null, normalized: null, rationale, error: `score ${score} is outside the scale ${min}–${max}` };
  }
  return { score, normalized: (score - min) / (max - min), rationale };
}
