import { fnv1a32, mulberry32, shuffle } from "@/lib/benchmarks/random";
import type { GeneratedTask } from "./generated-task";

const sentencesOf = (passage: string) =>
  (passage.replace(/\s+/g, " ").match(/[^.!?]+[.!?]/g) ?? []).map((s) => s.trim()).filter((s) => s.split(" ").length >= 4);

const wordsOf = (sentence: string) => sentence.match(/[A-Za-z][A-Za-z'-]{3,}/g) ?? [];

/**
 * What a simulated model writes, with no network: cloze questions on the passage's own sentences (the blanked
 * word is the answer, other words of the passage the wrong choices), so every quote is verbatim. Same input,
 * same tasks.
 */
export function simulatedTasks(passage: string, types: readonly GeneratedTask["type"][], seed: number): GeneratedTask[] {
  const random = mulberry32(fnv1a32(`${seed}\u0000${passage}`));
  const sentences = shuffle(sentencesOf(passage), random);
  const pool = [...new Set(sentences.flatMap(wordsOf))];
  return types.flatMap((type, i): GeneratedTask[] => {
    const quote = sentences[i % Math.max(1, sentences.length)];
    const words = quote ? wordsOf(quote) : [];
    const answer = words[Math.floor(random() * words.length)];
    if (!quote || !answer) return [];
    const cloze = quote.replace(answer, "_____");
    if (type === "bool") {
      const swap = pool.find((w) => w !== answer && random() < 0.5);
      const truthful = !swap || random() < 0.5;
      return [{ type, question: `True or false: ${truthful ? quote : quote.replace(answer, swap)}`, answer: String(truthful), quote }];
    }
    if (type === "MCQ") {
      const incorrect = shuffle(
        pool.filter((w) => w.toLowerCase() !== answer.toLowerCase()),
        random,
      ).slice(0, 3);
      if (incorrect.length === 0) return [];
      return [{ type, question: `Which word fills the blank? ${cloze}`, answer, incorrect, quote }];
    }
    return [{ type, question: `Fill in the blank with one word: ${cloze}`, answer, quote }];
  });
}
