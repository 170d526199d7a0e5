import { sql } from "drizzle-orm";
import { doublePrecision, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { jsonb } from "./jsonb";
import { models } from "./models";
import { projects } from "./projects";
import { useCases } from "./use-cases";

export const interactionSource = pgEnum("interaction_source", ["gateway", "ingested"]);
export const interactionStatus = pgEnum("interaction_status", ["ok", "error"]);

export type InteractionMessage = { role: string; content: string };
/** A model tried before the one that answered (a fallback), and why it was passed over. */
export type InteractionAttempt = { model_id: string; model_key: string; error: string; status: number | null };

/** One call of a use case's model: through the gateway, or ingested from elsewhere. Its id is the completion id. */
export const interactions = pgTable(
  "interactions",
  {
    id: uuid("id").primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    source: interactionSource("source").notNull(),
    messages: jsonb("messages").$type<InteractionMessage[]>().notNull(),
    /** The first choice's text, as a column for search and display. */
    completion: text("completion"),
    /** Every choice's text when `n` > 1. */
    completions: jsonb("completions").$type<string[]>().notNull().default([]),
    /** Sampling parameters the caller sent (never secrets). */
    params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
    tokensIn: integer("tokens_in").notNull().default(0),
    tokensOut: integer("tokens_out").notNull().default(0),
    latencyMs: integer("latency_ms"),
    /** Time to first token, for streamed calls. */
    ttftMs: integer("ttft_ms"),
    cost: doublePrecision("cost").notNull().default(0),
    status: interactionStatus("status").notNull().default("ok"),
    /** HTTP status given to the caller on error. */
    errorStatus: integer("error_status"),
    error: text("error"),
    attempts: jsonb("attempts").$type<InteractionAttempt[]>().notNull().default([]),
    endUser: text("end_user"),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default({}),
    /** Filled by A/B tests (a later table); no foreign key yet so this migration stands alone. */
    abTestId: uuid("ab_test_id"),
    abArm: text("ab_arm"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("interactions_use_case_created_idx").on(t.useCaseId, t.createdAt.desc()),
    index("interactions_project_created_idx").on(t.projectId, t.createdAt.desc()),
    index("interactions_use_case_model_created_idx").on(t.useCaseId, t.modelId, t.createdAt.desc()),
    index("interactions_use_case_user_idx").on(t.useCaseId, t.endUser),
    index("interactions_labels_idx").using("gin", t.labels),
    index("interactions_ab_test_idx").on(t.abTestId, t.abArm).where(sql`${t.abTestId} is not null`),
  ],
);
