import { z } from "zod";
import { RUN_STATUSES } from "@/db/schema/run-status";

// Response shapes shared by many operations; the document and the Ajv response checks read them.

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })),
    request_id: z.string().optional(),
  })
  .describe("RFC 7807 problem document; `errors` names each invalid field");

export const paginated = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), count: z.number().int(), page: z.number().int(), per_page: z.number().int() });

const Interval = z.tuple([z.number(), z.number()]).nullable().describe("95 % interval");

export const RunStatus = z.enum(RUN_STATUSES);

export const Run = z.object({
  id: z.uuid(),
  status: RunStatus,
  origin: z.string(),
  schedule_id: z.uuid().nullable().describe("The schedule that started the run, if any"),
  model: z.object({ id: z.uuid(), name: z.string(), human: z.boolean().describe("A person's answers (a human baseline)") }),
  benchmark: z.object({ id: z.uuid(), name: z.string(), version: z.number().int() }),
  config: z.record(z.string(), z.unknown()),
  progress: z.object({
    total: z.number().int(),
    done: z.number().int(),
    errors: z.number().int(),
    items_per_s: z.number(),
    eta_s: z.number().nullable(),
  }),
  running_score: z.object({ n: z.number().int(), passed: z.number().int(), value: z.number().nullable(), ci: Interval }),
  tokens_in: z.number().int(),
  tokens_out: z.number().int(),
  cost: z.number(),
  summary: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  note: z.string().nullable(),
  tags: z.array(z.string()).optional().describe("The run's tags (in lists)"),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  published_at: z.string().nullable(),
});

export const RunCreated = z.object({ id: z.uuid(), status: RunStatus, total_items: z.number().int(), reused: z.boolean() });

export const Model = z.looseObject({ id: z.uuid(), key: z.string(), name: z.string() });
export const Benchmark = z.looseObject({ id: z.uuid(), key: z.string(), name: z.string() });

export const ImportResult = z.object({
  dry_run: z.boolean(),
  created: z.boolean(),
  benchmark: z.object({ id: z.uuid(), key: z.string() }).nullable(),
  version: z.object({ id: z.uuid(), number: z.number().int(), task_count: z.number().int() }).nullable(),
  validation: z.record(z.string(), z.unknown()),
});

const PairedTest = z.object({
  name: z.enum(["mcnemar_exact", "paired_t"]).nullable(),
  p: z.number().nullable(),
  statistic: z.number().nullable(),
  df: z.number().nullable(),
  winner: z.enum(["a", "b"]).nullable().describe("a: the baseline, b: the compared run; null when p ≥ 0.05"),
  statement: z.string(),
});

export const Comparison = z.looseObject({
  baseline_id: z.uuid(),
  runs: z.array(z.record(z.string(), z.unknown())),
  comparisons: z.array(
    z.looseObject({
      run_id: z.uuid(),
      kind: z.enum(["pass_fail", "numeric"]),
      n: z.number().int(),
      scores: z.object({ a: z.number().nullable(), b: z.number().nullable() }),
      difference: z.object({ n: z.number().int(), value: z.number(), se: z.number().nullable(), ci: Interval }).nullable(),
      test: PairedTest,
    }),
  ),
});

export const TokenIssued = z.object({
  token: z.string().describe("Shown once"),
  project: z.object({ id: z.uuid(), key: z.string(), name: z.string(), role: z.string() }),
  expires_at: z.string().nullable(),
});

export const ProjectInfo = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  role: z.enum(["owner", "admin", "member", "viewer"]),
  user: z.object({ id: z.uuid(), username: z.string() }),
  via: z.enum(["token", "session"]),
});
