import type { WireMessage } from "./chat-client";
import type { ModelRow } from "./model-endpoint";

/** Tokens when the provider reports none: about four characters a token. */
export const estimateTokens = (chars: number) => Math.ceil(chars / 4);

// Non-text content (parts, tool calls) is counted by its JSON.
const contentChars = (content: unknown) => (typeof content === "string" ? content.length : content ? JSON.stringify(content).length : 0);
export const promptChars = (messages: WireMessage[]) => messages.reduce((n, m) => n + contentChars(m.content), 0);

/** What a call cost at the model's per-million-token prices (unset prices cost nothing). */
export const costOf = (model: Pick<ModelRow, "priceInputPerM" | "priceOutputPerM">, tokensIn: number, tokensOut: number) =>
  ((model.priceInputPerM ?? 0) * tokensIn + (model.priceOutputPerM ?? 0) * tokensOut) / 1e6;

export type CallUsage = { promptTokens: number; completionTokens: number; estimated: boolean };

/** A call's tokens (the provider's count, or estimated from characters) and what they cost. */
export function accountCall(model: ModelRow, messages: WireMessage[], text: string, reported: Omit<CallUsage, "estimated"> | null) {
  const usage: CallUsage = reported
    ? { ...reported, estimated: false }
    : { promptTokens: estimateTokens(promptChars(messages)), completionTokens: estimateTokens(text.length), estimated: true };
  return { usage, cost: costOf(model, usage.promptTokens, usage.completionTokens) };
}
