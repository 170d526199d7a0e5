import { z } from "zod";
import type { ScoreContext } from "./types";

export const Normalization = z
  .strictObject({
    ignore_case: z.boolean().default(true).describe("Compare case-insensitively"),
    collapse_whitespace: z.boolean().default(true).describe("Trim and collapse runs of whitespace"),
    strip_punctuation: z.boolean().default(false).describe("Remove punctuation and symbols"),
    strip_articles: z.boolean().default(false).describe("Remove the English articles a, an, the"),
  })
  .describe("How the answer and the truth are normalised before they are compared");
export type Normalization = z.infer<typeof Normalization>;
export const DEFAULT_NORMALIZATION: Normalization = Normalization.parse({});

export function normalizeText(text: string, options: Normalization = DEFAULT_NORMALIZATION): string {
  let result = text.normalize("NFKC");
  if (options.ignore_case) result = result.toLowerCase();
  // Removed rather than spaced, as in the SQuAD script: "don't" → "dont".
  if (options.strip_punctuation) result = result.replace(/[\p{P}\p{S}]/gu, "");
  if (options.strip_articles) result = result.replace(/\b(a|an|the)\b/giu, " ");
  if (options.collapse_whitespace || options.strip_punctuation || options.strip_articles) {
    result = result.replace(/\s+/gu, " ").trim();
  }
  return result;
}

/**
 * Reads a number the way graders mean it: "1,000" = "1000" = "1000.0" = "$1,000" = "1 000".
 * Currency signs, thousands separators, a trailing period or percent sign are dropped; anything
 * else that is not a plain decimal or exponent number gives null.
 */
export function parseNumber(text: string): number | null {
  let s = text.trim().replace(/^[*_`]+|[*_`]+$/g, "");
  s = s.replace(/^([-+]?)\s*[$€£¥₹]\s*/u, "$1").replace(/[$€£¥₹]$/u, "");
  s = s.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}(?!\d))/gu, "");
  s = s.replace(/[.%]$/u, "").trim();
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

/** Every number-looking token in a text, in order, already normalised. */
export function findNumbers(text: string): number[] {
  const matches = text.match(/[-+]?[$€£¥₹]?\d[\d,]*(\.\d+)?(e[-+]?\d+)?|[-+]?\.\d+/giu) ?? [];
  return matches.map(parseNumber).filter((n): n is number => n !== null);
}

export function numbersEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The acceptable answers of a task: its truth (text, list, number or boolean) plus answer paraphrases. */
export function truthTexts(task: ScoreContext["task"]): string[] {
  const truth = task.truth;
  const base = Array.isArray(truth) ? truth : truth === null || typeof truth === "object" ? [] : [truth];
  return [...base.map(String), ...(task.answer_paraphrases ?? [])];
}

/**
 * The text a scorer grades: the parsing stage's scalar output when there is one, else the raw response.
 * null is a parse that found nothing: an empty answer, not a reason to grade the whole response.
 */
export function answerText(ctx: ScoreContext): string {
  const parsed = ctx.parsed;
  if (parsed === null) return "";
  if (typeof parsed === "string" || typeof parsed === "number" || typeof parsed === "boolean") return String(parsed);
  return ctx.response;
}
