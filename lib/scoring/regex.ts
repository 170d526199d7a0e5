import { z } from "zod";

export const MAX_REGEX_CHARS = 1000;

function compiles(source: string): boolean {
  try {
    new RegExp(source, "u");
    return true;
  } catch {
    return false;
  }
}

/** A user-supplied regular expression, checked to compile with the u flag. */
export const RegexSource = z
  .string()
  .min(1)
  .max(MAX_REGEX_CHARS)
  .refine(compiles, { message: "not a valid regular expression (JavaScript syntax, u flag)" });

/** Capture group 1 when the regex has one that took part in the match, else the whole match. */
export function captured(match: RegExpExecArray): string {
  return match[1] ?? match[0];
}

/** First (or last) match of the first regex in the list that matches at all. */
export function firstRegexMatch(
  text: string,
  sources: readonly string[],
  options: { ignoreCase: boolean; occurrence: "first" | "last" },
): { value: string; regex: string } | null {
  const flags = options.ignoreCase ? "giu" : "gu";
  for (const source of sources) {
    const matches = [...text.matchAll(new RegExp(source, flags))];
    const match = options.occurrence === "first" ? matches[0] : matches[matches.length - 1];
    if (match) return { value: captured(match as RegExpExecArray).trim(), regex: source };
  }
  return null;
}
