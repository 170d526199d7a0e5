import { z } from "zod";
import { DraftTask, GENERATED_TYPES } from "@/lib/generation/generated-task";
import { BenchmarkFields } from "./benchmarks";

/** Documents are read whole into memory: 10 MB of PDF is far more text than any generator needs. */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const CreateGeneration = z.object({
  model_id: z.uuid("model_id must be a model id").describe("The generator: a model with an endpoint, or a simulated model"),
  document: z.object({
    name: z
      .string()
      .trim()
      .min(1, "document.name is required")
      .max(256)
      .describe("File name; .pdf is parsed as PDF, anything else as text"),
    content_base64: z
      .string()
      .min(1, "The document is empty")
      .max(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 4, `The document is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/, "content_base64 must be base64"),
  }),
  count: z.number().int().min(1).max(200).default(10).describe("How many tasks to generate"),
  types: z
    .array(z.enum(GENERATED_TYPES))
    .min(1, "Choose at least one task type")
    .max(3)
    .default([...GENERATED_TYPES]),
});
export type CreateGeneration = z.infer<typeof CreateGeneration>;

export const ReviewGeneration = z.object({
  tasks: z.array(DraftTask).max(1000).describe("The reviewed task list; omitted tasks are deleted"),
});

export const ImportGeneration = z.object({
  target: z
    .union([z.object({ create: BenchmarkFields }), z.object({ benchmark_id: z.uuid() })])
    .describe("A new benchmark, or a new version of one"),
  dry_run: z.boolean().default(false).describe("Validate only, as a benchmark upload's dry run"),
});
export type ImportGeneration = z.infer<typeof ImportGeneration>;
