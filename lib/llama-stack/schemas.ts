import { MAX_INT } from "@/lib/validation/int";
import { z } from "zod";

// Request shapes of the Llama Stack datasets, benchmarks and eval APIs (seeds/llama-stack-experimental-openapi).

/** Llama Stack ids are free text (`my-org::arith`); only path-breaking characters are refused. */
export const Identifier = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .regex(/^[^/?#\s]+$/, "must not contain '/', '?', '#' or spaces");

export const EVAL_PURPOSES = ["eval/question-answer", "eval/messages-answer"] as const;

const Row = z.record(z.string(), z.unknown());

export const DataSource = z.union([
  z.object({ type: z.literal("rows").optional(), rows: z.array(Row).min(1).max(100_000) }),
  z.object({ type: z.literal("uri").optional(), uri: z.string().min(1).max(100_000_000) }),
]);

export const RegisterDataset = z.object({
  purpose: z.enum(EVAL_PURPOSES),
  source: DataSource,
  dataset_id: Identifier.nullish(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type RegisterDataset = z.infer<typeof RegisterDataset>;

export const AppendRows = z.object({ rows: z.array(Row).min(1).max(100_000) });

/** An empty value (`limit=`) means absent, as Llama Stack's FastAPI server reads it. */
const optionalInt = (min: number) =>
  z.preprocess((v) => (v === "" || v === "null" ? undefined : v), z.coerce.number().int().min(min).max(MAX_INT).optional());

export const IterrowsQuery = z.object({
  start_index: optionalInt(0),
  limit: optionalInt(-1).describe("-1 or absent: all rows"),
});

export const IdParams = z.object({ id: Identifier });
export const JobParams = z.object({ id: Identifier, job_id: z.uuid("job_id must be a job id returned by run_eval") });

export const RegisterBenchmark = z.object({
  benchmark_id: Identifier,
  dataset_id: Identifier,
  scoring_functions: z.array(z.string().min(1).max(200)).min(1, "name at least one scoring function").max(10),
  metadata: z.record(z.string(), z.unknown()).nullish(),
  provider_benchmark_id: z.string().nullish(),
  provider_id: z.string().nullish(),
});
export type RegisterBenchmark = z.infer<typeof RegisterBenchmark>;

export const AGGREGATION_FUNCTIONS = ["average", "weighted_average", "median", "categorical_count", "accuracy"] as const;
export type AggregationFunction = (typeof AGGREGATION_FUNCTIONS)[number];
const Aggregations = z.array(z.enum(AGGREGATION_FUNCTIONS)).max(5).optional();

export const ScoringFnParams = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("llm_as_judge"),
    judge_model: z.string().min(1).describe("A Yardstick model key"),
    prompt_template: z.string().max(20_000).nullish(),
    judge_score_regexes: z.array(z.string().max(500)).max(20).optional(),
    aggregation_functions: Aggregations,
  }),
  z.object({
    type: z.literal("regex_parser"),
    parsing_regexes: z.array(z.string().max(500)).max(20).optional(),
    aggregation_functions: Aggregations,
  }),
  z.object({ type: z.literal("basic"), aggregation_functions: Aggregations }),
]);
export type ScoringFnParams = z.infer<typeof ScoringFnParams>;

const Strategy = z.union([
  z.object({ type: z.literal("greedy") }),
  z.object({ type: z.literal("top_p"), temperature: z.number().min(0).max(2).optional(), top_p: z.number().gt(0).max(1).optional() }),
  z.object({ type: z.literal("top_k"), top_k: z.number().int().min(1).max(1000) }),
]);

export const SamplingParams = z.object({
  strategy: Strategy.optional(),
  max_tokens: z.number().int().min(1).max(1_000_000).nullish(),
  repetition_penalty: z.number().min(0).max(10).nullish(),
  stop: z.array(z.string().min(1).max(100)).max(8).nullish(),
});

const Text = z.union([z.string(), z.object({ type: z.literal("text"), text: z.string() })]);

export const BenchmarkConfig = z.object({
  eval_candidate: z.object({
    type: z.literal("model").optional(),
    model: z.string().min(1).max(200).describe("A Yardstick model key"),
    sampling_params: SamplingParams.default({}),
    system_message: z.object({ role: z.literal("system").optional(), content: z.union([Text, z.array(Text)]) }).nullish(),
  }),
  scoring_params: z.record(z.string(), ScoringFnParams).default({}),
  num_examples: z.number().int().min(1).max(1_000_000).nullish(),
});
export type BenchmarkConfig = z.infer<typeof BenchmarkConfig>;

export const RunEval = z.object({ benchmark_config: BenchmarkConfig });

export const MAX_EVALUATE_ROWS = 100;

export const EvaluateRows = z.object({
  benchmark_config: BenchmarkConfig,
  input_rows: z.array(Row).min(1).max(MAX_EVALUATE_ROWS, `evaluate_rows takes at most ${MAX_EVALUATE_ROWS} rows; use run_eval for more`),
  scoring_functions: z.array(z.string().min(1).max(200)).min(1).max(10),
});
