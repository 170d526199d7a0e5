import type { models } from "./schema";

type CatalogModel = Omit<typeof models.$inferInsert, "visibility" | "id">;

const M = 1_000_000_000;

/** Well-known models as metadata only: each needs an endpoint before it can run. */
export const PUBLIC_CATALOG: CatalogModel[] = [
  { key: "openai/gpt-4o", name: "GPT-4o", company: "OpenAI", categories: ["Transformer", "Closed-Source"], regions: ["us", "eu"], license: "Proprietary", contextWindow: 128_000, priceInputPerM: 2.5, priceOutputPerM: 10, modalities: ["text", "image"] },
  { key: "openai/gpt-4o-mini", name: "GPT-4o mini", company: "OpenAI", categories: ["Transformer", "Closed-Source"], regions: ["us", "eu"], license: "Proprietary", contextWindow: 128_000, priceInputPerM: 0.15, priceOutputPerM: 0.6, modalities: ["text", "image"] },
  { key: "anthropic/claude-3-5-sonnet", name: "Claude 3.5 Sonnet", company: "Anthropic", categories: ["Transformer", "Closed-Source"], regions: ["us", "eu"], license: "Proprietary", contextWindow: 200_000, priceInputPerM: 3, priceOutputPerM: 15, modalities: ["text", "image"] },
  { key: "anthropic/claude-3-5-haiku", name: "Claude 3.5 Haiku", company: "Anthropic", categories: ["Transformer", "Closed-Source"], regions: ["us"], license: "Proprietary", contextWindow: 200_000, priceInputPerM: 0.8, priceOutputPerM: 4, modalities: ["text"] },
  { key: "google/gemini-1.5-pro", name: "Gemini 1.5 Pro", company: "Google", categories: ["MoE", "Closed-Source"], regions: ["us", "eu", "asia"], license: "Proprietary", contextWindow: 2_000_000, priceInputPerM: 1.25, priceOutputPerM: 5, modalities: ["text", "image", "audio"] },
  { key: "google/gemma-2-27b", name: "Gemma 2 27B", company: "Google", categories: ["Transformer", "Open-Source"], regions: ["global"], license: "Gemma", parameterCount: 27 * M, contextWindow: 8_192, priceInputPerM: 0.27, priceOutputPerM: 0.27, modalities: ["text"] },
  { key: "meta/llama-3.1-405b-instruct", name: "Llama 3.1 405B Instruct", company: "Meta", categories: ["Transformer", "Open-Source"], regions: ["global"], license: "Llama 3.1 Community", parameterCount: 405 * M, contextWindow: 128_000, priceInputPerM: 3, priceOutputPerM: 3, modalities: ["text"] },
  { key: "meta/llama-3.1-70b-instruct", name: "Llama 3.1 70B Instruct", company: "Meta", categories: ["Transformer", "Open-Source"], regions: ["global"], license: "Llama 3.1 Community", parameterCount: 70 * M, contextWindow: 128_000, priceInputPerM: 0.88, priceOutputPerM: 0.88, modalities: ["text"] },
  { key: "meta/llama-3.1-8b-instruct", name: "Llama 3.1 8B Instruct", company: "Meta", categories: ["Transformer", "Open-Source"], regions: ["global"], license: "Llama 3.1 Community", parameterCount: 8 * M, contextWindow: 128_000, priceInputPerM: 0.18, priceOutputPerM: 0.18, modalities: ["text"] },
  { key: "mistral/mixtral-8x22b-instruct", name: "Mixtral 8x22B Instruct", company: "Mistral AI", categories: ["MoE", "Open-Source"], regions: ["eu", "global"], license: "Apache-2.0", parameterCount: 141 * M, contextWindow: 65_536, priceInputPerM: 1.2, priceOutputPerM: 1.2, modalities: ["text"] },
  { key: "mistral/mistral-large", name: "Mistral Large", company: "Mistral AI", categories: ["Transformer", "Closed-Source"], regions: ["eu"], license: "Mistral Research", parameterCount: 123 * M, contextWindow: 128_000, priceInputPerM: 2, priceOutputPerM: 6, modalities: ["text"] },
  { key: "deepseek/deepseek-v3", name: "DeepSeek-V3", company: "DeepSeek", categories: ["MoE", "Open-Source"], regions: ["asia", "global"], license: "DeepSeek License", parameterCount: 671 * M, contextWindow: 128_000, priceInputPerM: 0.27, priceOutputPerM: 1.1, modalities: ["text"] },
  { key: "qwen/qwen2.5-72b-instruct", name: "Qwen2.5 72B Instruct", company: "Alibaba", categories: ["Transformer", "Open-Source"], regions: ["asia", "global"], license: "Qwen License", parameterCount: 72 * M, contextWindow: 131_072, priceInputPerM: 0.35, priceOutputPerM: 0.4, modalities: ["text"] },
].map((m) => ({ ...m, description: `${m.name} by ${m.company}. Catalog entry: add an endpoint to run it.`, endpointType: "none" as const }));

/** Two built-in simulated models, so the demo runs end to end with no network. */
export const SIMULATED_MODELS: CatalogModel[] = [
  {
    key: "yardstick/sim-strong",
    name: "Simulated Strong (85%)",
    description: "Built-in simulated model: answers about 85% of tasks correctly, deterministically, without a network.",
    company: "Yardstick",
    endpointType: "simulated",
    simulation: { seed: 1, accuracy: 0.85, latencyMs: { mean: 40, stddev: 10 } },
    priceInputPerM: 1,
    priceOutputPerM: 2,
    contextWindow: 32_000,
    categories: ["Simulated"],
  },
  {
    key: "yardstick/sim-weak",
    name: "Simulated Weak (60%)",
    description: "Built-in simulated model: answers about 60% of tasks correctly, deterministically, without a network.",
    company: "Yardstick",
    endpointType: "simulated",
    simulation: { seed: 2, accuracy: 0.6, latencyMs: { mean: 20, stddev: 5 } },
    priceInputPerM: 0.1,
    priceOutputPerM: 0.2,
    contextWindow: 32_000,
    categories: ["Simulated"],
  },
];
