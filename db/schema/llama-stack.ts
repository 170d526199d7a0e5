import { index, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { benchmarks } from "./benchmarks";
import { jsonb } from "./jsonb";
import { projects } from "./projects";

export const llamaStackKind = pgEnum("llama_stack_kind", ["dataset", "benchmark"]);

/**
 * A Llama Stack dataset or benchmark id (any text, e.g. `my-org::arith`) in a project, pointing at the
 * Yardstick benchmark that stores its rows. A Llama Stack benchmark adds its scoring functions.
 */
export const llamaStackResources = pgTable(
  "llama_stack_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    kind: llamaStackKind("kind").notNull(),
    identifier: text("identifier").notNull(),
    benchmarkId: uuid("benchmark_id")
      .notNull()
      .references(() => benchmarks.id, { onDelete: "cascade" }),
    /** Datasets: their purpose; benchmarks: the dataset id they were registered with. */
    purpose: text("purpose"),
    datasetId: text("dataset_id"),
    scoringFunctions: jsonb("scoring_functions").$type<string[]>().notNull().default([]),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    sourceUri: text("source_uri"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("llama_stack_resources_identifier_key").on(t.projectId, t.kind, t.identifier),
    index("llama_stack_resources_benchmark_idx").on(t.benchmarkId),
  ],
);
