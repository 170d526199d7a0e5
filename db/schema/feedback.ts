import {
  bigserial,
  boolean,
  doublePrecision,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { interactions } from "./interactions";
import { projects } from "./projects";
import { useCases } from "./use-cases";

export const feedbackKind = pgEnum("feedback_kind", ["bool", "scalar"]);
export const scoringType = pgEnum("scoring_type", ["higher_is_better", "lower_is_better"]);

export const feedbackKeys = pgTable(
  "feedback_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    kind: feedbackKind("kind").notNull(),
    scoringType: scoringType("scoring_type").notNull().default("higher_is_better"),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("feedback_keys_project_key").on(t.projectId, t.key)],
);

/** Which feedback keys a use case shows statistics for. */
export const useCaseFeedbackKeys = pgTable(
  "use_case_feedback_keys",
  {
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    feedbackKeyId: uuid("feedback_key_id")
      .notNull()
      .references(() => feedbackKeys.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.useCaseId, t.feedbackKeyId] }), index("use_case_feedback_keys_key_idx").on(t.feedbackKeyId)],
);

/** A value (0/1 for bool keys) given to one completion. */
export const metricFeedback = pgTable(
  "metric_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    feedbackKeyId: uuid("feedback_key_id")
      .notNull()
      .references(() => feedbackKeys.id, { onDelete: "cascade" }),
    value: doublePrecision("value").notNull(),
    endUser: text("end_user"),
    details: text("details"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("metric_feedback_interaction_idx").on(t.interactionId, t.feedbackKeyId),
    index("metric_feedback_key_created_idx").on(t.feedbackKeyId, t.createdAt.desc()),
    index("metric_feedback_project_created_idx").on(t.projectId, t.createdAt.desc()),
  ],
);

/** One completion preferred over another (or a tie), for win rates per model pair. */
export const preferenceFeedback = pgTable(
  "preference_feedback",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    feedbackKeyId: uuid("feedback_key_id")
      .notNull()
      .references(() => feedbackKeys.id, { onDelete: "cascade" }),
    preferredId: uuid("preferred_id")
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    otherId: uuid("other_id")
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    tied: boolean("tied").notNull().default(false),
    endUser: text("end_user"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("preference_feedback_key_created_idx").on(t.feedbackKeyId, t.createdAt.desc()),
    index("preference_feedback_project_created_idx").on(t.projectId, t.createdAt.desc()),
    index("preference_feedback_preferred_idx").on(t.preferredId),
    index("preference_feedback_other_idx").on(t.otherId),
  ],
);
