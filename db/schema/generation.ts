import { index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { jsonb } from "./jsonb";
import { models } from "./models";
import { projects } from "./projects";
import { users } from "./users";

export const generationStatus = pgEnum("generation_status", ["queued", "running", "completed", "failed", "imported"]);

/** One generated task awaiting review: a benchmark task plus the document passage it is grounded in (zod: lib/generation). */
export type DraftTask = {
  id: string;
  type: "MCQ" | "FRQ" | "bool";
  question: string;
  answer: string;
  incorrect?: string[];
  quote: string;
  accepted: boolean;
};

export type GenerationSpec = { count: number; types: DraftTask["type"][] };

/** A "smart benchmark" in the making: the uploaded document's text, the generator's tasks, and the review state. */
export const benchmarkGenerations = pgTable(
  "benchmark_generations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    documentName: text("document_name").notNull(),
    documentText: text("document_text").notNull(),
    spec: jsonb("spec").$type<GenerationSpec>().notNull(),
    status: generationStatus("status").notNull().default("queued"),
    /** Passages processed so far, of `totalSteps`: the progress bar. */
    doneSteps: integer("done_steps").notNull().default(0),
    totalSteps: integer("total_steps").notNull().default(0),
    tasks: jsonb("tasks").$type<DraftTask[]>().notNull().default([]),
    /** Why generated tasks were dropped (invalid, or a quote not in the document): shown beside the review table. */
    rejected: jsonb("rejected").$type<string[]>().notNull().default([]),
    error: text("error"),
    benchmarkId: uuid("benchmark_id"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("benchmark_generations_project_idx").on(t.projectId, t.createdAt.desc())],
);
