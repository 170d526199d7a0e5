import type { ChatMessage } from "@/lib/providers/chat-client";

/** The marker the fake endpoint in the tests recognises; also tells a human reading request logs what this is. */
export const GENERATOR_MARKER = "You write benchmark tasks grounded in a document.";

const TYPE_RULES = {
  MCQ: '"MCQ": a question, "answer" the correct choice, "incorrect" 3 plausible wrong choices',
  FRQ: '"FRQ": a question with a short factual answer (a few words) in "answer"',
  bool: '"bool": a statement that is true or false by the passage, "answer" "true" or "false"',
} as const;

/** Asks for exactly these task types from one passage, as JSON only, each with a verbatim supporting quote. */
export function generationMessages(passage: string, types: readonly (keyof typeof TYPE_RULES)[]): ChatMessage[] {
  const kinds = [...new Set(types)].map((t) => `- ${TYPE_RULES[t]}`).join("\n");
  return [
    {
      role: "system",
      content: `${GENERATOR_MARKER} Every task must be answerable from the passage alone. Reply with JSON only, no prose.`,
    },
    {
      role: "user",
      content: [
        `Write ${types.length} task(s), of these types in this order: ${types.join(", ")}.`,
        kinds,
        'Each task copies into "quote" the sentence of the passage that supports its answer, verbatim.',
        'Reply as {"tasks": [{"type": ..., "question": ..., "answer": ..., "incorrect": [...], "quote": ...}]}.',
        `<passage>\n${passage}\n</passage>`,
      ].join("\n\n"),
    },
  ];
}
