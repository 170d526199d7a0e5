import { z } from "zod";
import { ChatMessages, Labels } from "@/lib/validation/interactions";

const Stop = z.union([z.string().max(1000), z.array(z.string().max(1000)).max(4, "stop takes at most 4 sequences")]).nullable();

/**
 * OpenAI's chat body: the fields Yardstick reads are checked, any other field passes through to the
 * provider. `use_case`, `labels`, `ab_campaign` and `ab_arm` are Yardstick's and are not forwarded.
 */
export const ChatRequest = z.looseObject({
  model: z.string().trim().min(1, "model is required (a model key attached to the use case, or default)").max(256),
  messages: ChatMessages,
  stream: z.boolean().nullable().optional(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullable().optional(),
  stop: Stop.optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  n: z.number().int().min(1).max(16, "n is at most 16").nullable().optional(),
  user: z.string().max(256).optional(),
  use_case: z.string().trim().max(64).optional(),
  labels: Labels.optional(),
  ab_campaign: z.string().trim().max(64).optional(),
  ab_arm: z
    .string()
    .regex(/^[A-F]$/, "ab_arm is an arm letter, A to F")
    .optional()
    .describe("With ab_campaign: serve this arm (labelling tools that need answers from two given arms)"),
});
export type ChatRequest = z.infer<typeof ChatRequest>;

export const EmbeddingsRequest = z.looseObject({
  model: z.string().trim().min(1, "model is required").max(256),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048), z.array(z.number()), z.array(z.array(z.number()))]),
  encoding_format: z.enum(["float", "base64"]).optional(),
  user: z.string().max(256).optional(),
  use_case: z.string().trim().max(64).optional(),
  labels: Labels.optional(),
});
export type EmbeddingsRequest = z.infer<typeof EmbeddingsRequest>;

const OURS = new Set(["use_case", "labels", "ab_campaign", "ab_arm", "model", "stream", "stream_options"]);

/** The body forwarded to the provider: the caller's OpenAI fields without Yardstick's own. */
export function forwardedParams(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) if (!OURS.has(key) && value !== undefined) out[key] = value;
  return out;
}

/** Sampling parameters recorded on the interaction (messages are stored apart). */
export function recordedParams(body: Record<string, unknown>): Record<string, unknown> {
  const { messages: _messages, ...rest } = forwardedParams(body);
  return rest;
}
