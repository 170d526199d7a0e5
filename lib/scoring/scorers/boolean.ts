import { z } from "zod";
import { answerText } from "../normalize";
import { passFail, type Scorer } from "../types";

export const BooleanParams = z.strictObject({});
export type BooleanParams = z.infer<typeof BooleanParams>;

const TRUE_WORDS = new Set(["true", "yes", "y", "t", "correct", "right", "1", "affirmative", "oui", "sí", "si", "ja"]);
const FALSE_WORDS = new Set(["false", "no", "n", "f", "incorrect", "wrong", "0", "negative", "non", "nein"]);

function word(text: string): boolean | null {
  const w = text.toLowerCase();
  return TRUE_WORDS.has(w) ? true : FALSE_WORDS.has(w) ? false : null;
}

/** Reads yes/no, true/false and their common forms from the start or an "answer is …" phrase. */
export function parseBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value !== "string") return null;
  const text = value.replace(/[*_`#"'“”]/g, "").trim();
  const stated = /\b(?:answer|verdict|response)\s*(?:is\s*:?|:)\s*([\p{L}\d]+)/iu.exec(text)?.[1];
  if (stated !== undefined && word(stated) !== null) return word(stated);
  const first = /^[\p{L}\d]+/u.exec(text)?.[0];
  return first === undefined ? null : word(first);
}

/** Passes when the response's yes/no equals the task's boolean truth. */
export const booleanScorer: Scorer<BooleanParams> = (ctx) => {
  const truth = parseBoolean(ctx.task.truth);
  if (truth === null) return { value: 0, pass: false, error: "the task's truth is not a boolean" };
  const answer = parseBoolean(ctx.parsed ?? answerText(ctx));
  if (answer === null) return passFail(false, "no true/false answer found in the response");
  return passFail(answer === truth, `answered ${answer}; expected ${truth}`, String(answer));
};
