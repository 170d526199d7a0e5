import { MAX_INT } from "@/lib/validation/int";
import { z } from "zod";
import { MAX_TRUTH_CHARS } from "@/lib/benchmarks/task";

export const StartHumanSession = z.object({
  benchmark_id: z.uuid("benchmark_id must be a benchmark id"),
  version: z.number().int().min(1).max(MAX_INT).optional().describe("Benchmark version number; the latest when unset"),
  num_examples: z.number().int().min(1).max(10_000).optional().describe("A seeded sample of tasks; all when unset"),
  seed: z.number().int().min(0).max(MAX_INT).optional().describe("Sample and choice-order seed; 0 when unset, as for model runs"),
});
export type StartHumanSession = z.infer<typeof StartHumanSession>;

export const HumanAnswer = z
  .object({
    position: z.number().int().min(1).max(MAX_INT).describe("The task's position in the benchmark version"),
    answer: z
      .string()
      .max(MAX_TRUTH_CHARS)
      .optional()
      .describe("The response as a model would give it: a letter, true/false, text or JSON"),
    skipped: z.boolean().default(false).describe("Skipped tasks are stored unanswered and not scored"),
    elapsed_ms: z
      .number()
      .int()
      .min(0)
      .max(24 * 3_600_000)
      .describe("Time from showing the task to answering it: the response time"),
  })
  .refine((a) => a.skipped || (a.answer !== undefined && a.answer.trim() !== ""), {
    path: ["answer"],
    message: "Give an answer or skip the task",
  });
export type HumanAnswer = z.infer<typeof HumanAnswer>;
