import type { SimulationConfig } from "@/db/schema";
import { simulatedLatencyMs, unitHash } from "@/lib/providers/simulated";

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
