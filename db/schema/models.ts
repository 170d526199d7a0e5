import {
  bigint,
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
import { jsonb } from "./jsonb";
import { projects } from "./projects";
import { users } from "./users";

export const modelVisibility = pgEnum("model_visibility", ["public", "custom"]);
/** `human`: a signed-in person taking a benchmark in the browser (a human baseline); never called by the worker. */
export const endpointType = pgEnum("endpoint_type", ["none", "openai", "simulated", "human"]);

export type SimulationConfig = { seed: number; accuracy: number; latencyMs: { mean: number; stddev: number } };

export const models = pgTable(
  "models",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    visibility: modelVisibility("visibility").notNull(),
    ownerProjectId: uuid("owner_project_id").references(() => projects.id, { onDelete: "cascade" }),
    endpointType: endpointType("endpoint_type").notNull().default("none"),
    apiUrl: text("api_url"),
    apiKeyCiphertext: text("api_key_ciphertext"),
    apiKeyLast4: text("api_key_last4"),
    providerModel: text("provider_model"),
    maxTokens: integer("max_tokens"),
    extraPayload: jsonb("extra_payload").$type<Record<string, unknown>>().notNull().default({}),
    simulation: jsonb("simulation").$type<SimulationConfig>(),
    priceInputPerM: doublePrecision("price_input_per_m"),
    priceOutputPerM: doublePrecision("price_output_per_m"),
    rpmLimit: integer("rpm_limit"),
    tpmLimit: integer("tpm_limit"),
    maxConcurrency: integer("max_concurrency"),
    contextWindow: integer("context_window"),
    company: text("company"),
    architecture: text("architecture"),
    parameterCount: bigint("parameter_count", { mode: "number" }),
    modalities: text("modalities").array().notNull().default([]),
    categories: text("categories").array().notNull().default([]),
    regions: text("regions").array().notNull().default([]),
    license: text("license"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("models_key_key").on(t.key),
    index("models_owner_project_idx").on(t.ownerProjectId),
    index("models_visibility_idx").on(t.visibility),
  ],
);

/** A project's model list: which public and own custom models it works with. */
export const projectModels = pgTable(
  "project_models",
  {
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.projectId, t.modelId] }), index("project_models_model_idx").on(t.modelId)],
);

/**
 * One row per model call in flight that holds one of the model's `max_concurrency` slots, shared by
 * every worker process. A lease expires unless its process renews it, so a killed worker's slots return.
 */
export const modelLeases = pgTable(
  "model_leases",
  {
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id, { onDelete: "cascade" }),
    slot: integer("slot").notNull(),
    /** The process holding it (renews its leases together) and this lease's own token (releases exactly it). */
    process: text("process").notNull(),
    token: uuid("token").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.slot] }), index("model_leases_process_idx").on(t.process)],
);
