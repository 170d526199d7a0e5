import { z } from "zod";
import type { Scorer } from "../types";

export const ReadabilityParams = z.strictObject({});
export type ReadabilityParams = z.infer<typeof ReadabilityParams>;

/**
 * English syllables by the usual heuristic: vowel groups (y counts as a vowel), minus a silent final
 * "e" (but not "-le"), at least one per word. Off by one on some words; fine for an average.
 */
export function countSyllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, "");
  if (w.length === 0) return 0;
  if (w.length <= 3) return 1;
  const groups = w.match(/[aeiouy]+/g)?.length ?? 0;
  const silentE = /[^aeiouy]e$/.test(w) && !/[^aeiouy]le$/.test(w) ? 1 : 0;
  return Math.max(1, groups - silentE);
}

export type Readability = { score: number; words: number; sentences: number; syllables: number };

/** Flesch reading ease: 206.835 − 1.015·(words/sentences) − 84.6·(syllables/words); null without words. */
export function fleschReadingEase(text: string): Readability | null {
  const words = text.match(/[A-Za-z]+(?:['’][A-Za-z]+)*/g) ?? [];
  if (words.length === 0) return null;
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => /[A-Za-z]/.test(s)).length);
  const syllables = words.reduce((total, w) => total + countSyllables(w.replace(/['’].*$/, "")), 0);
  const score = 206.835 - 1.015 * (words.length / sentences) - 84.6 * (syllables / words.length);
  return { score, words: words.length, sentences, syllables };
}

export const readability: Scorer<ReadabilityParams> = (ctx) => {
  const result = fleschReadingEase(ctx.response);
  if (!result) return { value: 0, error: "the response has no words" };
  const { score, words, sentences, syllables } = result;
  return { value: score, explanation: `Flesch reading ease over ${words} words, ${sentences} sentences, ${syllables} syllables` };
};
