import type { SimulationConfig } from "@/db/schema";
import { pause, type WireMessage } from "./chat-client";
import type { ModelRow } from "./model-endpoint";
import { simulatedLatencyMs, unitHash } from "./simulated";

// Simulated models in OpenAI's wire format, for callers that relay replies (the gateway): sentences
// picked by hash, n choices, streamed word by word with the model's latency.

const SENTENCES = [
  "Here is a short answer to your question.",
  "I would start by breaking the problem into smaller steps.",
  "The key point is to check each assumption before moving on.",
  "In short: yes, that approach works, with one caveat.",
  "A good rule of thumb is to measure before optimising.",
  "There are two common ways to do this, and both are fine.",
  "Let me summarise the main idea in a few words.",
  "That depends on the context, but usually the simplest option wins.",
];

/** A simulated model's reply: a few sentences picked by a hash of the seed, the prompt and the choice index. */
export function simulatedReply(config: SimulationConfig, name: string, prompt: string, index: number): string {
  const count = 1 + Math.floor(unitHash(`${config.seed}:len:${prompt}:${index}`) * 3);
  const picked = Array.from(
    { length: count },
    (_, i) => SENTENCES[Math.floor(unitHash(`${config.seed}:s${i}:${prompt}:${index}`) * SENTENCES.length)],
  );
  return `(${name}, simulated) ${picked.join(" ")}`;
}

/** Total latency for this prompt, with the first token after 30 % of it, as a streamed model would. */
export function simulatedTiming(config: SimulationConfig, prompt: string) {
  const total = simulatedLatencyMs(config, prompt);
  return { total, firstToken: total * 0.3 };
}

/** A deterministic unit vector for a text, so simulated embeddings are stable. */
export function simulatedEmbedding(seed: number, text: string, dimensions = 64): number[] {
  const raw = Array.from({ length: dimensions }, (_, i) => unitHash(`${seed}:emb:${i}:${text}`) * 2 - 1);
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return raw.map((v) => v / norm);
}

type WireCall = { messages: WireMessage[]; params?: Record<string, unknown>; signal?: AbortSignal };

const lastUserText = (messages: WireMessage[]) => {
  const last = messages.findLast((m) => m.role === "user");
  return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
};

/** The reply's texts, usage and timing; `config` is the model's simulation (set for every simulated model). */
function simulatedChoices(model: ModelRow, config: SimulationConfig, call: WireCall) {
  const prompt = lastUserText(call.messages);
  const n = typeof call.params?.n === "number" ? call.params.n : 1;
  const texts = Array.from({ length: n }, (_, i) => simulatedReply(config, model.name, prompt, i));
  const promptTokens = Math.ceil(JSON.stringify(call.messages).length / 4);
  const completionTokens = texts.reduce((s, t) => s + Math.ceil(t.length / 4), 0);
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  const base = { id: "simulated", created: Math.floor(Date.now() / 1000), model: model.key };
  return { texts, usage, base, timing: simulatedTiming(config, prompt) };
}

/** A chat.completion body, after the model's latency. */
export async function simulatedCompletion(model: ModelRow, config: SimulationConfig, call: WireCall) {
  const { texts, usage, base, timing } = simulatedChoices(model, config, call);
  await pause(timing.total, call.signal);
  const choices = texts.map((content, index) => ({ index, message: { role: "assistant", content }, finish_reason: "stop" }));
  return { ...base, object: "chat.completion", choices, usage };
}

type WireChunk = {
  id: string;
  created: number;
  model: string;
  object: string;
  choices: { index: number; delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
};

/** chat.completion.chunk bodies word by word, then the finish chunk and the usage chunk. */
export async function* simulatedChunks(model: ModelRow, config: SimulationConfig, call: WireCall): AsyncGenerator<WireChunk> {
  const { texts, usage, base, timing } = simulatedChoices(model, config, call);
  await pause(timing.firstToken, call.signal);
  const words = texts.map((t) => t.match(/\S+\s*/g) ?? []);
  const steps = Math.max(...words.map((w) => w.length));
  for (let step = 0; step < steps; step++) {
    if (step > 0) await pause((timing.total - timing.firstToken) / steps, call.signal);
    const choices = words.flatMap((w, index) =>
      w[step] ? [{ index, delta: { ...(step === 0 ? { role: "assistant" } : {}), content: w[step] }, finish_reason: null }] : [],
    );
    yield { ...base, object: "chat.completion.chunk", choices };
  }
  yield { ...base, object: "chat.completion.chunk", choices: texts.map((_, index) => ({ index, delta: {}, finish_reason: "stop" })) };
  yield { ...base, object: "chat.completion.chunk", choices: [], usage };
}

/** An embeddings body: a deterministic unit vector per input. */
export function simulatedEmbeddings(model: ModelRow, seed: number, input: unknown) {
  const texts = Array.isArray(input) ? input.map((t) => (typeof t === "string" ? t : JSON.stringify(t))) : [String(input)];
  const data = texts.map((t, index) => ({ object: "embedding", index, embedding: simulatedEmbedding(seed, t) }));
  const tokens = Math.ceil(texts.join("").length / 4);
  return { object: "list", data, model: model.key, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
