import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { TagFilter } from "./tags";
import { CsvMapping } from "@/lib/benchmarks/formats/csv-mapping";
import { FieldMapping } from "@/lib/benchmarks/formats/field-mapping";
import { LLAMA_STACK_PURPOSES } from "@/lib/benchmarks/formats/llama-stack";
import { Task, TASK_TYPES } from "@/lib/benchmarks/task";
import { ScorerSpec } from "./runs";

export const BenchmarkKey = z
  .string()
  .trim()
  .min(1, "Key is required")
  .max(128, "Key must be at most 128 characters")
  .regex(/^[a-z0-9][a-z0-9._/-]*$/, "Key may contain lowercase letters, digits, '.', '_', '-' and '/'");

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.string().max(40)).max(20));

export const BenchmarkFields = z.object({
  key: BenchmarkKey,
  name: z.string().trim().min(1, "Name is required").max(64, "Name must be at most 64 characters"),
  description: z.string().trim().max(280, "Description must be at most 280 characters").default(""),
  categories: list.default([]).describe("e.g. reasoning, knowledge, coding"),
  languages: list.default([]),
  visibility: z.enum(["custom", "public"]).default("custom"),
});

const jsonParam = <S extends z.ZodType>(schema: S) =>
  z.union([
    schema,
    z
      .string()
      .transform((s, ctx) => {
        try {
          return JSON.parse(s);
        } catch {
          ctx.addIssue({ code: "custom", message: "must be valid JSON" });
          return z.NEVER;
        }
      })
      .pipe(schema),
  ]);

const bool = z.union([z.boolean(), z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1")]);

/** How to read the uploaded file; everything optional, detected when absent. */
export const ImportSettings = z.object({
  dry_run: bool.default(false),
  format: z.enum(["jsonl", "json", "csv"]).optional().describe("Detected from the content when unset"),
  filename: z.string().max(256).optional(),
  purpose: z.enum(LLAMA_STACK_PURPOSES).optional().describe("Llama Stack dataset purpose"),
  input_type: z.enum(["messages", "json_payload"]).optional().describe("Stratix input_type"),
  field_mapping: jsonParam(FieldMapping).optional(),
  csv_mapping: jsonParam(CsvMapping).optional(),
});
export type ImportSettings = z.infer<typeof ImportSettings>;

export const CreateBenchmarkQuery = BenchmarkFields.partial({ name: true }).extend(ImportSettings.shape);

/** Where rows come from when the body is JSON rather than the file itself (Llama Stack DataSource). */
export const RowSource = z.discriminatedUnion("type", [
  z.object({ type: z.literal("rows"), rows: z.array(z.record(z.string(), z.unknown())).min(1).max(100_000) }),
  z.object({ type: z.literal("uri"), uri: z.string().min(1).max(100_000_000) }),
]);

export const ListBenchmarks = z.object({
  type: z.enum(["public", "custom"]).optional(),
  task_type: z.enum(TASK_TYPES).optional(),
  name: z.string().trim().max(128).optional(),
  key: z.string().trim().max(128).optional(),
  categories: list.optional(),
  languages: list.optional(),
  in_project: z.enum(["true", "false"]).optional(),
  tag: TagFilter,
});
export type ListBenchmarks = z.infer<typeof ListBenchmarks>;

export const ListTasks = z.object({
  q: z.string().trim().max(200).optional(),
  subset: z.string().trim().max(200).optional(),
  type: z.enum(TASK_TYPES).optional(),
  redacted: z.enum(["true", "false"]).optional(),
});
export type ListTasks = z.infer<typeof ListTasks>;

export const RedactTasks = z.object({
  positions: z.array(z.number().int().min(1).max(MAX_INT)).min(1).max(100_000).describe("1-based task positions"),
  redacted: z.boolean().default(true),
});

export const EditTask = z.object({ task: Task });

export const AppendRows = z.object({ rows: z.array(z.record(z.string(), z.unknown())).min(1).max(100_000) });

export const BenchmarkIds = z.object({ benchmark_ids: z.array(z.uuid("benchmark_ids must be benchmark ids")).min(1).max(100) });

export const BenchmarkDefaults = z.object({
  prompt_templates: z
    .record(z.string(), z.string().max(20_000))
    .optional()
    .describe("LiquidJS template per task type (MCQ, FRQ, bool, json, qa, default)"),
  system_prompt: z.string().max(20_000).optional(),
  scorers: z.array(ScorerSpec).max(10).optional(),
  metrics: z
    .array(z.enum(["response_length", "readability", "refusal"]))
    .max(3)
    .optional()
    .describe("Additional metrics computed for every response"),
  min_tasks_per_run: z.number().int().min(1).max(1_000_000).optional().describe("Runs with fewer tasks are marked provisional"),
});

export const UpdateBenchmark = z.object({
  name: BenchmarkFields.shape.name.optional(),
  description: z.string().trim().max(280, "Description must be at most 280 characters").optional(),
  categories: list.optional(),
  languages: list.optional(),
  defaults: BenchmarkDefaults.optional().describe("Replaces the defaults; {} clears them"),
});
export type UpdateBenchmark = z.infer<typeof UpdateBenchmark>;
