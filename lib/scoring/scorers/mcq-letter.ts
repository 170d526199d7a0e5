import { z } from "zod";
import { choiceLetter } from "@/lib/benchmarks/render";
import { answerText } from "../normalize";
import { passFail, type Scorer } from "../types";

export const McqLetterParams = z.strictObject({
  mode: z
    .enum(["single", "set"])
    .default("single")
    .describe("single: one chosen letter must be correct; set: the chosen letters must equal the correct ones"),
});
export type McqLetterParams = z.infer<typeof McqLetterParams>;

const L = "([A-Z]{1,2})";
// Ordered from the most to the least explicit way of stating a choice; letters are upper-case only
// except when the whole response is the letter, so "the answer is a bit unclear" picks nothing.
const PATTERNS = [
  new RegExp(String.raw`^\(?${L}\)?[.):]?$`, "i"),
  new RegExp(
    String.raw`\b(?:[Aa]nswer|ANSWER|[Cc]hoice|[Oo]ption)\s*(?:is|:|=|-)?\s*(?:option\s*|choice\s*)?[("[]?${L}[)"\]]?(?![A-Za-z])`,
  ),
  new RegExp(String.raw`^[("[]?${L}[)"\]]?(?:[.):,]|\s+-)`),
  new RegExp(String.raw`\(${L}\)`),
];

function cleaned(text: string): string {
  return text.replace(/[*_`#]/g, "").trim();
}

/** The letter a free-text response chose, or null; `valid` limits it to letters that were shown. */
export function extractLetter(text: string, valid?: ReadonlySet<string>): string | null {
  const response = cleaned(text);
  for (const pattern of PATTERNS) {
    const letter = pattern.exec(response)?.[1]?.toUpperCase();
    if (letter && (!valid || valid.has(letter))) return letter;
  }
  return null;
}

/** Every shown letter listed in a response such as "A, C" or "A and C" (for multi-answer questions). */
export function extractLetterSet(text: string, valid: ReadonlySet<string>): string[] {
  const tokens =
    cleaned(text)
      .replace(/^.*?(?:answers?|choices?)\s*(?:are|is|:)\s*/i, "")
      .match(/\b[A-Z]{1,2}\b/g) ?? [];
  return [...new Set(tokens.filter((t) => valid.has(t)))].sort();
}

function shownLetters(ctx: Parameters<Scorer<McqLetterParams>>[0]): Set<string> {
  const count = (ctx.task.choices?.correct.length ?? 0) + (ctx.task.choices?.incorrect.length ?? 0);
  return new Set(Array.from({ length: count }, (_, i) => choiceLetter(i)));
}

/** Compares the chosen letter(s) with correctLetters from renderPrompt (the shuffled key). */
export const mcqLetter: Scorer<McqLetterParams> = (ctx, params) => {
  const correct = [...new Set(ctx.correctLetters ?? [])].sort();
  if (correct.length === 0) return { value: 0, pass: false, error: "no correct letters: render the prompt first" };
  const valid = shownLetters(ctx);
  const text = answerText(ctx);
  if (params.mode === "set") {
    const chosen = extractLetterSet(text, valid);
    const pass = chosen.join(",") === correct.join(",");
    return passFail(pass, `chose ${chosen.join(", ") || "nothing"}; correct ${correct.join(", ")}`, chosen.join(","));
  }
  const letter = extractLetter(text, valid);
  if (letter === null) return passFail(false, "no choice letter found in the response");
  return passFail(correct.includes(letter), `chose ${letter}; correct ${correct.join(", ")}`, letter);
};
