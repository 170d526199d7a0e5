import { chatCompletionsUrl } from "@/lib/providers/endpoint-url";
import { z } from "zod";
import { TagFilter } from "./tags";

const RESERVED_PAYLOAD_KEYS = ["messages", "model", "stream"];

export const ModelKey = z
  .string()
  .trim()
  .min(1, "Key is required")
  .max(256, "Key must be at most 256 characters")
  .regex(/^[a-z0-9][a-z0-9./-]*$/, "Key may contain lowercase letters, digits, '.', '-' and '/'");

export const ExtraPayload = z
  .record(z.string(), z.unknown())
  .superRefine((value, ctx) => {
    for (const key of RESERVED_PAYLOAD_KEYS) {
      if (key in value) ctx.addIssue({ code: "custom", message: `extra_payload may not set "${key}": Yardstick sets it`, path: [key] });
    }
    if (JSON.stringify(value).length > 20_000) ctx.addIssue({ code: "custom", message: "extra_payload must be under 20,000 characters" });
  })
  .describe("JSON object deep-merged into every request body; {} clears it");

const Price = z.number().min(0, "Price cannot be negative").max(100_000);
const PositiveInt = (max: number) => z.number().int().min(1).max(max);

export const Simulation = z.object({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31),
  accuracy: z.number().min(0).max(1).describe("Share of tasks answered correctly"),
  latencyMs: z.object({ mean: z.number().min(0).max(60_000), stddev: z.number().min(0).max(60_000) }),
});

const ModelFields = {
  name: z.string().trim().min(1, "Name is required").max(256, "Name must be at most 256 characters"),
  description: z.string().trim().max(500, "Description must be at most 500 characters"),
  endpoint_type: z.enum(["openai", "simulated"]),
  api_url: z
    .url({ protocol: /^https?$/, message: "api_url must be an http(s) URL" })
    .max(2000)
    .transform(chatCompletionsUrl)
    .describe("Base URL (https://host/v1) or the full /chat/completions endpoint; stored as the endpoint"),
  api_key: z.string().min(1).max(4000).describe("Stored encrypted; never returned"),
  provider_model: z.string().trim().max(256).describe("Model name sent to the provider; the key when unset"),
  max_tokens: PositiveInt(10_000_000),
  extra_payload: ExtraPayload,
  simulation: Simulation,
  price_input_per_m: Price,
  price_output_per_m: Price,
  rpm_limit: PositiveInt(1_000_000),
  tpm_limit: PositiveInt(1_000_000_000),
  max_concurrency: PositiveInt(10_000).describe("Requests in flight to this model at once, across all runs and worker processes"),
  context_window: PositiveInt(100_000_000),
  company: z.string().trim().max(100),
  architecture: z.string().trim().max(100),
  parameter_count: z.number().int().min(1).max(1e14),
  modalities: z.array(z.string().trim().min(1).max(40)).max(10),
  categories: z.array(z.string().trim().min(1).max(40)).max(20),
  regions: z.array(z.string().trim().min(1).max(40)).max(20),
  license: z.string().trim().max(100),
};

export const CreateModel = z
  .object({
    key: ModelKey,
    ...ModelFields,
    description: ModelFields.description.default(""),
    endpoint_type: ModelFields.endpoint_type.default("openai"),
    api_url: ModelFields.api_url.optional(),
    visibility: z.enum(["custom", "public"]).default("custom").describe("public needs an instance administrator"),
  })
  .partial({
    api_key: true,
    provider_model: true,
    max_tokens: true,
    extra_payload: true,
    simulation: true,
    price_input_per_m: true,
    price_output_per_m: true,
    rpm_limit: true,
    tpm_limit: true,
    max_concurrency: true,
    context_window: true,
    company: true,
    architecture: true,
    parameter_count: true,
    modalities: true,
    categories: true,
    regions: true,
    license: true,
  })
  .superRefine((m, ctx) => {
    if (m.endpoint_type === "openai" && !m.api_url)
      ctx.addIssue({ code: "custom", path: ["api_url"], message: "api_url is required for an OpenAI-compatible model" });
    if (m.endpoint_type === "simulated" && !m.simulation)
      ctx.addIssue({ code: "custom", path: ["simulation"], message: "simulation settings are required for a simulated model" });
  });
export type CreateModel = z.infer<typeof CreateModel>;

export const UpdateModel = z
  .object({
    ...ModelFields,
    api_key: ModelFields.api_key.nullable().describe("A new key rotates it; null removes it"),
  })
  .partial();
export type UpdateModel = z.infer<typeof UpdateModel>;

const csv = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .optional();

export const ListModels = z.object({
  type: z.enum(["public", "custom"]).optional(),
  name: z.string().trim().max(256).optional(),
  key: z.string().trim().max(256).optional(),
  categories: csv,
  companies: csv,
  regions: csv,
  licenses: csv,
  in_project: z.enum(["true", "false"]).optional().describe("Only models on the project's model list"),
  tag: TagFilter,
});
export type ListModels = z.infer<typeof ListModels>;

export const ModelIds = z.object({ model_ids: z.array(z.uuid("model_ids must be model ids")).min(1).max(100) });
