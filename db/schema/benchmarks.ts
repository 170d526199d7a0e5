import { bigserial, boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { jsonb } from "./jsonb";
import { modelVisibility } from "./models";
import { projects } from "./projects";
import { users } from "./users";

/** Defaults a run uses unless it overrides them (validated by lib/validation/benchmarks.ts). */
export type BenchmarkDefaults = {
  prompt_templates?: Record<string, string>;
  system_prompt?: string;
  scorers?: { type: string; params: Record<string, unknown> }[];
  metrics?: ("response_length" | "readability" | "refusal")[];
  min_tasks_per_run?: number;
};

export const benchmarks = pgTable(
  "benchmarks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    categories: text("categories").array().notNull().default([]),
    languages: text("languages").array().notNull().default([]),
    visibility: modelVisibility("visibility").notNull(),
    ownerProjectId: uuid("owner_project_id").references(() => projects.id, { onDelete: "cascade" }),
    defaults: jsonb("defaults").$type<BenchmarkDefaults>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("benchmarks_key_key").on(t.key), index("benchmarks_owner_project_idx").on(t.ownerProjectId)],
);

export const projectBenchmarks = pgTable(
  "project_benchmarks",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    benchmarkId: uuid("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.benchmarkId] }), index("project_benchmarks_benchmark_idx").on(t.benchmarkId)],
);

/** Immutable: editing, appending or redacting makes a new version; runs pin one. */
export const benchmarkVersions = pgTable(
  "benchmark_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    benchmarkId: uuid("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    contentHash: text("content_hash").notNull(),
    taskCount: integer("task_count").notNull(),
    format: text("format").notNull(),
    source: text("source"),
    mapping: jsonb("mapping").$type<Record<string, unknown>>(),
    changes: text("changes").notNull(),
    runnable: boolean("runnable").notNull().default(true),
    stats: jsonb("stats").$type<{ types: Record<string, number>; subsets: Record<string, number>; redacted: number }>().notNull(),
    parentVersionId: uuid("parent_version_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("benchmark_versions_number_key").on(t.benchmarkId, t.number),
    uniqueIndex("benchmark_versions_hash_key").on(t.benchmarkId, t.contentHash),
  ],
);

export const benchmarkTasks = pgTable(
  "benchmark_tasks",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    versionId: uuid("version_id")
      .notNull()
      .references(() => benchmarkVersions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    /** Stable across versions (hash of the original content), so results compare across versions. */
    taskKey: text("task_key").notNull(),
    type: text("type").notNull(),
    input: jsonb("input").notNull(),
    systemPrompt: text("system_prompt"),
    truth: jsonb("truth"),
    choices: jsonb("choices"),
    examples: jsonb("examples"),
    jsonSchema: jsonb("json_schema"),
    jsonSchemaRef: text("json_schema_ref"),
    paraphrases: jsonb("paraphrases"),
    answerParaphrases: jsonb("answer_paraphrases"),
    subset: text("subset"),
    tags: text("tags").array().notNull().default([]),
    redacted: boolean("redacted").notNull().default(false),
    metadata: jsonb("metadata").notNull().default({}),
    searchText: text("search_text").notNull().default(""),
  },
  (t) => [
    uniqueIndex("benchmark_tasks_position_key").on(t.versionId, t.position),
    index("benchmark_tasks_version_subset_idx").on(t.versionId, t.subset),
    index("benchmark_tasks_version_key_idx").on(t.versionId, t.taskKey),
  ],
);
