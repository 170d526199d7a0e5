import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { benchmarks, benchmarkVersions } from "./benchmarks";
import { jsonb } from "./jsonb";
import { models } from "./models";
import { projects } from "./projects";
import { schedules } from "./automation";
import { RUN_STATUSES } from "./run-status";
import { users } from "./users";

// Types only: the stored documents are typed by the schema and function that produce them.
import type { RunSummary } from "@/lib/jobs/summarize";
import type { RunConfig } from "@/lib/validation/runs";

export const runStatus = pgEnum("run_status", RUN_STATUSES);
export const runOrigin = pgEnum("run_origin", ["user", "api", "schedule", "alert"]);

export const runs = pgTable(
  "runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    benchmarkId: uuid("benchmark_id")
      .notNull()
      .references(() => benchmarks.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => benchmarkVersions.id),
    status: runStatus("status").notNull().default("scheduled"),
    origin: runOrigin("origin").notNull(),
    config: jsonb("config").$type<RunConfig>().notNull(),
    /** The schedule that started this run (origin `schedule`). */
    scheduleId: uuid("schedule_id").references(() => schedules.id, { onDelete: "set null" }),
    /** Task positions this run evaluates (a seeded sample, or all). */
    positions: jsonb("positions").$type<number[]>().notNull(),
    totalItems: integer("total_items").notNull(),
    doneItems: integer("done_items").notNull().default(0),
    errorItems: integer("error_items").notNull().default(0),
    passedItems: integer("passed_items").notNull().default(0),
    scoredItems: integer("scored_items").notNull().default(0),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
    cost: doublePrecision("cost").notNull().default(0),
    summary: jsonb("summary").$type<RunSummary>(),
    /** Shown on the instance-wide leaderboard (public model and benchmark only); a project admin's choice. */
    publishedAt: timestamp("published_at", { withTimezone: true }),
    error: text("error"),
    /** The user's own words on why the run was made or what to make of it. */
    note: text("note"),
    idempotencyKey: text("idempotency_key"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    cancelRequestedAt: timestamp("cancel_requested_at", { withTimezone: true }),
    /** Model calls (attempts) that failed before the run's first successful one: the dead-endpoint rule counts them. */
    failedCallsBeforeSuccess: integer("failed_calls_before_success").notNull().default(0),
    firstSuccessAt: timestamp("first_success_at", { withTimezone: true }),
    /** When the run's per-task outcomes were added to task_outcomes: set once, so they are added once. */
    outcomesRecordedAt: timestamp("outcomes_recorded_at", { withTimezone: true }),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("runs_project_created_idx").on(t.projectId, t.createdAt.desc()),
    index("runs_model_benchmark_idx").on(t.modelId, t.benchmarkId, t.createdAt.desc()),
    uniqueIndex("runs_idempotency_key").on(t.projectId, t.idempotencyKey),
  ],
);

/** One row per (run, task, sample): the unique key makes at-least-once delivery write exactly once. */
export const runResults = pgTable(
  "run_results",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => runs.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    sample: integer("sample").notNull(),
    taskKey: text("task_key").notNull(),
    subset: text("subset"),
    status: text("status").notNull(),
    messages: jsonb("messages").notNull(),
    requestParams: jsonb("request_params").notNull(),
    rawResponse: jsonb("raw_response"),
    responseText: text("response_text"),
    parsed: jsonb("parsed"),
    scores: jsonb("scores").$type<Record<string, { value: unknown; pass?: boolean; explanation?: string }>>().notNull(),
    /** The primary scorer's pass/fail and numeric value, as columns so reports filter, sort and compare without parsing jsonb. */
    passed: boolean("passed"),
    score: doublePrecision("score"),
    latencyMs: integer("latency_ms"),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
    tokensEstimated: text("tokens_estimated"),
    cost: doublePrecision("cost").notNull().default(0),
    attempts: integer("attempts").notNull().default(1),
    error: text("error"),
    errorKind: text("error_kind"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("run_results_item_key").on(t.runId, t.position, t.sample)],
);

/**
 * How often each task of a version was evaluated and answered correctly, per project and model; added to once when
 * a run completes, so the benchmark page finds hard tasks and likely label errors without scanning results.
 */
export const taskOutcomes = pgTable(
  "task_outcomes",
  {
    // Per project: a public benchmark's tallies must not reveal how other projects' models did.
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    versionId: uuid("version_id")
      .notNull()
      .references(() => benchmarkVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    evaluated: integer("evaluated").notNull().default(0),
    correct: integer("correct").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.versionId, t.position, t.modelId] })],
);

/** Requests and tokens per model per minute, shared by every worker through the database. */
export const rateWindows = pgTable(
  "rate_windows",
  {
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    requests: integer("requests").notNull().default(0),
    tokens: integer("tokens").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.windowStart] })],
);
