import { fnv1a32, mulberry32, shuffle } from "./random";
import type { Message, Task } from "./task";

export type RenderedChoice = { letter: string; text: string; correct: boolean };
export type RenderedPrompt = {
  messages: Message[];
  choices?: RenderedChoice[];
  correctLetters?: string[];
  /** Index into task.paraphrases of the text shown instead of the original, if any. */
  paraphraseIndex?: number;
};

/** A, B, … Z, AA, AB, …: MCQ can have 30 choices, more than the alphabet. */
export function choiceLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function withQuestion(messages: Message[], transform: (content: string) => string): Message[] {
  const index = messages.findLastIndex((m) => m.role === "user");
  if (index === -1) return [...messages, { role: "user", content: transform("") }];
  return messages.map((m, i) => (i === index ? { ...m, content: transform(m.content) } : m));
}

/**
 * What a model receives for a task under a run seed. The seed is mixed with the task's input so each
 * task gets its own, repeatable choice order; paraphrases, when present, replace the original text.
 */
export function renderPrompt(task: Task, seed: number): RenderedPrompt {
  const random = mulberry32(fnv1a32(`${seed}\u0000${JSON.stringify(task.input)}`));
  const rendered: RenderedPrompt = { messages: [] };
  let messages: Message[] = typeof task.input === "string" ? [{ role: "user", content: task.input }] : task.input;
  const paraphrases = task.paraphrases ?? [];
  if (paraphrases.length > 0) {
    const index = Math.floor(random() * paraphrases.length);
    rendered.paraphraseIndex = index;
    messages = withQuestion(messages, () => paraphrases[index] ?? "");
  }
  if (task.type === "MCQ" && task.choices) {
    const options = [
      ...task.choices.correct.map((text) => ({ text, correct: true })),
      ...task.choices.incorrect.map((text) => ({ text, correct: false })),
    ];
    const choices = shuffle(options, random).map((o, i) => ({ ...o, letter: choiceLetter(i) }));
    rendered.choices = choices;
    rendered.correctLetters = choices.filter((c) => c.correct).map((c) => c.letter);
    const list = choices.map((c) => `${c.letter}. ${c.text}`).join("\n");
    messages = withQuestion(messages, (question) => (question ? `${question}\n\n${list}` : list));
  }
  const hasSystem = messages.some((m) => m.role === "system");
  rendered.messages = task.system_prompt && !hasSystem ? [{ role: "system", content: task.system_prompt }, ...messages] : messages;
  return rendered;
}
