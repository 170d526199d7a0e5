import type { InteractionMessage } from "@/db/schema";

type Content = string | null | undefined | { type: string; text?: string }[];

/** OpenAI messages as stored: role and plain text (text parts joined), whatever else they carried. */
export function storedMessages(messages: { role: string; content?: Content }[]): InteractionMessage[] {
  return messages.map((m) => ({
    role: m.role,
    content: typeof m.content === "string" ? m.content : Array.isArray(m.content) ? m.content.map((p) => p.text ?? "").join("") : "",
  }));
}

/** Token estimate used when a provider reports no usage (4 characters per token, as in runs). */
export const estimateTokens = (chars: number) => Math.ceil(chars / 4);
export const messageChars = (messages: InteractionMessage[]) => messages.reduce((n, m) => n + m.content.length, 0);
