import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { models } from "./models";
import { projects } from "./projects";

/** A product feature whose live traffic goes through the gateway: its own models, default model and feedback keys. */
export const useCases = pgTable(
  "use_cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("use_cases_project_key").on(t.projectId, t.key)],
);

/**
 * A model attached to a use case. `online` switches it for this use case only; `fallbackOrder` (null: not a
 * fallback) lists the models tried in turn when the called one fails with a 5xx or a timeout.
 */
export const useCaseModels = pgTable(
  "use_case_models",
  {
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    isDefault: boolean("is_default").notNull().default(false),
    online: boolean("online").notNull().default(true),
    fallbackOrder: integer("fallback_order"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.useCaseId, t.modelId] }),
    // At most one default per use case, enforced by the database rather than by every writer.
    uniqueIndex("use_case_models_one_default").on(t.useCaseId).where(sql`${t.isDefault}`),
    index("use_case_models_model_idx").on(t.modelId),
  ],
);
