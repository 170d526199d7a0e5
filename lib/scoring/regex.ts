import { z } from "zod";
import { LinearRegExp, regexError } from "@/lib/linear-regex";

export const MAX_REGEX_CHARS = 1000;

/** A user-supplied regular expression, checked to compile on the linear-time engine. */
export const RegexSource = z
  .string()
  .min(1)
  .max(MAX_REGEX_CHARS)
  .superRefine((source, ctx) => {
    const error = regexError(source);
    if (error)
      ctx.addIssue({ code: "custom", message: `not a valid regular expression (RE2 syntax: no lookaround or backreferences): ${error}` });
  });

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
    const matches = [...new LinearRegExp(source, flags).matchAll(text)];
    const match = options.occurrence === "first" ? matches[0] : matches[matches.length - 1];
    if (match) return { value: captured(match as RegExpExecArray).trim(), regex: source };
  }
  return null;
}
