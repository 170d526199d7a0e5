import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { TagFilter } from "./tags";
import { RUN_STATUSES } from "@/db/schema/run-status";
import { TASK_TYPES } from "@/lib/benchmarks/task";
import { MAX_SOURCE_CHARS } from "@/lib/prompts/limits";

export const Sampling = z
  .object({
    strategy: z.enum(["greedy", "top_p", "top_k"]).default("greedy"),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().gt(0).max(1).optional(),
    top_k: z.number().int().min(1).max(1000).optional(),
    max_tokens: z.number().int().min(1).max(1_000_000).optional(),
    stop: z.array(z.string().min(1).max(100)).max(8).optional(),
    repetition_penalty: z.number().min(0).max(10).optional(),
  })
  .describe("Mapped to OpenAI-compatible fields and merged under the model's extra_payload");

/** How a scorer's values are summarised; every one comes with n and a 95 % interval, overall and per subset. */
export const AGGREGATIONS = ["accuracy", "mean", "weighted_mean", "median", "categorical"] as const;
export type AggregationName = (typeof AGGREGATIONS)[number];

export const ScorerSpec = z
  .object({
    type: z.string().min(1).max(64),
    params: z.record(z.string(), z.unknown()).default({}),
    aggregations: z
      .array(z.enum(AGGREGATIONS, `aggregations must be among ${AGGREGATIONS.join(", ")}`))
      .min(1, "aggregations needs at least one entry")
      .max(AGGREGATIONS.length)
      .optional()
      .describe("Default: accuracy for pass/fail scorers, mean for numbers, categorical for labels"),
    weight_field: z.string().min(1).max(100).optional().describe("Task metadata field holding each task's weight (weighted_mean)"),
  })
  .refine((s) => !s.aggregations?.includes("weighted_mean") || s.weight_field, {
    path: ["weight_field"],
    message: "weight_field (a task metadata field) is required for the weighted_mean aggregation",
  });
export type ScorerSpec = z.infer<typeof ScorerSpec>;

/** One source per task type, or `default` for the types not listed. */
const PerTaskType = (what: string) =>
  z.partialRecord(
    z.enum([...TASK_TYPES, "default"], `keys must be a task type (${TASK_TYPES.join(", ")}) or default`),
    z.string().max(MAX_SOURCE_CHARS, `a ${what} is at most ${MAX_SOURCE_CHARS} characters`),
  );

export const RunConfig = z.object({
  sampling: Sampling.default({ strategy: "greedy" }),
  system_prompt: z.string().max(MAX_SOURCE_CHARS).optional().describe("LiquidJS template (plain text stays plain) for every task type"),
  system_prompt_templates: PerTaskType("system prompt template")
    .optional()
    .describe("LiquidJS system prompt per task type; wins over system_prompt"),
  // Any keys, as benchmark defaults (merged in) allow: stored configs must keep parsing.
  prompt_templates: z
    .record(z.string(), z.string().max(MAX_SOURCE_CHARS))
    .optional()
    .describe("LiquidJS prompt per task type (MCQ, FRQ, bool, json, qa, default)"),
  parse_expressions: PerTaskType("parse expression")
    .optional()
    .describe("JSONata per task type, evaluated on the response; its result is the parsed answer scorers grade"),
  num_examples: z.number().int().min(1).max(1_000_000).optional().describe("A seeded sample of tasks; all when unset"),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31)
    .default(0),
  samples_per_task: z.number().int().min(1).max(20).default(1),
  scorers: z.array(ScorerSpec).max(10).optional().describe("Defaults by task type when unset"),
  metrics: z
    .array(z.enum(["response_length", "readability", "refusal"]))
    .max(3)
    .optional()
    .describe("Additional metrics for every response"),
  min_tasks_per_run: z.number().int().min(1).max(1_000_000).optional().describe("From the benchmark: fewer tasks make the run provisional"),
  concurrency: z.number().int().min(1).max(256).default(8),
  timeout_ms: z.number().int().min(100).max(600_000).default(60_000),
  max_attempts: z.number().int().min(1).max(10).default(3),
  stream: z.boolean().default(false).describe("Request server-sent events (for servers that only stream)"),
});
export type RunConfig = z.infer<typeof RunConfig>;

const RunNote = z.string().trim().max(2000, "note is at most 2000 characters").describe("Free text shown with the run");

export const CreateRun = z.object({
  note: RunNote.optional(),
  model_id: z.uuid("model_id must be a model id"),
  benchmark_id: z.uuid("benchmark_id must be a benchmark id"),
  version: z.number().int().min(1).max(MAX_INT).optional().describe("Benchmark version number; the latest when unset"),
  config: RunConfig.default(RunConfig.parse({})),
  if_running: z
    .enum(["new", "existing"], "if_running must be new or existing")
    .default("new")
    .describe(
      "When this model already has a scheduled or in-progress run on this benchmark version: start a new run (new) or return the running one (existing)",
    ),
});
export type CreateRun = z.infer<typeof CreateRun>;

export const UpdateRun = z.strictObject({ note: RunNote.nullable() });
export type UpdateRun = z.infer<typeof UpdateRun>;

export const ListRuns = z.object({
  tag: TagFilter,
  status: z.enum(RUN_STATUSES).optional(),
  model_id: z.uuid().optional(),
  benchmark_id: z.uuid().optional(),
});
export type ListRuns = z.infer<typeof ListRuns>;

export function samplingToParams(s: z.infer<typeof Sampling>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (s.strategy === "greedy") params.temperature = 0;
  else params.temperature = s.temperature ?? 1;
  if (s.strategy === "top_p" && s.top_p !== undefined) params.top_p = s.top_p;
  if (s.strategy === "top_k" && s.top_k !== undefined) params.top_k = s.top_k;
  if (s.max_tokens !== undefined) params.max_tokens = s.max_tokens;
  if (s.stop?.length) params.stop = s.stop;
  if (s.repetition_penalty !== undefined) params.repetition_penalty = s.repetition_penalty;
  return params;
}
