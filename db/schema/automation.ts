import { sql } from "drizzle-orm";
import {
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
import { abTests } from "./ab-tests";
import { benchmarks } from "./benchmarks";
import { jsonb } from "./jsonb";
import { models } from "./models";
import { projects } from "./projects";
import { users } from "./users";

/** A cron expression in a time zone, or a fixed interval counted from the schedule's start. */
export type Cadence =
  | { kind: "cron"; expression: string; timezone: string }
  | { kind: "interval"; every: number; unit: "minutes" | "hours" | "days" };

/** What one occurrence did for one model × benchmark pair: started a run, or skipped with a reason. */
export type OccurrencePair = { model_id: string; benchmark_id: string; run_id: string | null; skipped: string | null };

export const schedules = pgTable(
  "schedules",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    modelIds: jsonb("model_ids").$type<string[]>().notNull(),
    benchmarkIds: jsonb("benchmark_ids").$type<string[]>().notNull(),
    /** A RunConfig, validated when the schedule is saved and again by createRun at each occurrence. */
    config: jsonb("config").$type<Record<string, unknown>>().notNull(),
    cadence: jsonb("cadence").$type<Cadence>().notNull(),
    startAt: timestamp("start_at", { withTimezone: true }).notNull(),
    paused: boolean("paused").notNull().default(false),
    /** The latest occurrence fired (or the moment it was created or resumed): earlier ones never fire. */
    lastDueAt: timestamp("last_due_at", { withTimezone: true }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("schedules_project_idx").on(t.projectId)],
);

/** One occurrence per schedule and due time: the unique key is what makes each occurrence fire once. */
export const scheduleOccurrences = pgTable(
  "schedule_occurrences",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    scheduleId: uuid("schedule_id")
      .notNull()
      .references(() => schedules.id, { onDelete: "cascade" }),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    manual: boolean("manual").notNull().default(false),
    status: text("status").$type<"pending" | "done">().notNull().default("pending"),
    pairs: jsonb("pairs").$type<OccurrencePair[]>().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("schedule_occurrences_due_key").on(t.scheduleId, t.dueAt), index("schedule_occurrences_status_idx").on(t.status)],
);

export const alertMetric = pgEnum("alert_metric", ["score", "error_rate", "median_latency", "cost_per_1k"]);
export const alertCondition = pgEnum("alert_condition", ["threshold", "regression"]);
/** What a trigger watches: completed runs, or A/B tests (completing, or a sample ratio mismatch appearing). */
export const alertTriggerKind = pgEnum("alert_trigger_kind", ["run", "ab_test_completed", "ab_test_srm"]);
export type AlertTriggerKind = (typeof alertTriggerKind.enumValues)[number];

export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    cooldownMinutes: integer("cooldown_minutes").notNull().default(60),
    enabled: boolean("enabled").notNull().default(true),
    lastFiredAt: timestamp("last_fired_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alerts_project_idx").on(t.projectId)],
);

export const alertTriggers = pgTable("alert_triggers", {
  id: uuid("id").primaryKey().defaultRandom(),
  alertId: uuid("alert_id")
    .notNull()
    .references(() => alerts.id, { onDelete: "cascade" }),
  kind: alertTriggerKind("kind").notNull().default("run"),
  /** Run triggers only (null for A/B test triggers), as are scorer, models, benchmarks, threshold and p. */
  metric: alertMetric("metric"),
  /** The scorer a score trigger reads; the run's primary score when null. */
  scorer: text("scorer"),
  /** Empty means every model (benchmark) of the project. */
  modelIds: jsonb("model_ids").$type<string[]>().notNull().default([]),
  benchmarkIds: jsonb("benchmark_ids").$type<string[]>().notNull().default([]),
  /** A/B test triggers only: empty means every use case of the project. */
  useCaseIds: jsonb("use_case_ids").$type<string[]>().notNull().default([]),
  condition: alertCondition("condition"),
  threshold: doublePrecision("threshold"),
  /** Threshold triggers fire above the threshold, or below it when inverted. */
  invert: boolean("invert").notNull().default(false),
  pValue: doublePrecision("p_value").notNull().default(0.05),
});

/** Claimed once per run and trigger, whatever the outcome, so redelivered jobs never fire twice. */
export const alertEvaluations = pgTable(
  "alert_evaluations",
  {
    runId: uuid("run_id").notNull(),
    triggerId: uuid("trigger_id")
      .notNull()
      .references(() => alertTriggers.id, { onDelete: "cascade" }),
    outcome: text("outcome").$type<"fired" | "quiet" | "cooldown" | "no_data">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.triggerId] })],
);

/**
 * Claimed once per A/B test and trigger, like alert_evaluations for runs. An SRM claim is removed when
 * the mismatch clears, so a mismatch that comes back fires again.
 */
export const alertAbEvaluations = pgTable(
  "alert_ab_evaluations",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    triggerId: uuid("trigger_id")
      .notNull()
      .references(() => alertTriggers.id, { onDelete: "cascade" }),
    outcome: text("outcome").$type<"fired" | "cooldown">().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.testId, t.triggerId] })],
);

export type RunAlertEvidence = {
  metric: string;
  condition: "threshold" | "regression";
  value: number | null;
  n: number | null;
  ci: [number, number] | null;
  threshold?: number | null;
  invert?: boolean;
  previous_run_id?: string;
  previous_value?: number | null;
  difference?: { value: number; ci: [number, number] | null } | null;
  test?: string | null;
  p?: number | null;
  statement: string;
};

/** One arm of an A/B test as an alert saw it: requests assigned, feedback n and the mean with its 95% interval. */
export type AbArmEvidence = { arm: string; model: string; assigned: number; n: number; value: number | null; ci: [number, number] | null };

export type AbAlertEvidence = {
  kind: "ab_test_completed" | "ab_test_srm";
  ab_test: { id: string; key: string };
  outcome: "winner" | "no_significant_difference" | null;
  winner: string | null;
  arms: AbArmEvidence[];
  srm: { chi_square: number; df: number; p: number };
  link: string;
  statement: string;
};

export type AlertEvidence = RunAlertEvidence | AbAlertEvidence;
export const isAbEvidence = (e: AlertEvidence): e is AbAlertEvidence => "ab_test" in e;

export const alertEvents = pgTable(
  "alert_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    triggerId: uuid("trigger_id").references(() => alertTriggers.id, { onDelete: "set null" }),
    /** The run, or the A/B test, the event is about. */
    runId: uuid("run_id"),
    abTestId: uuid("ab_test_id").references(() => abTests.id, { onDelete: "cascade" }),
    modelId: uuid("model_id").references(() => models.id),
    benchmarkId: uuid("benchmark_id").references(() => benchmarks.id),
    evidence: jsonb("evidence").$type<AlertEvidence>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("alert_events_alert_idx").on(t.alertId, t.createdAt.desc())],
);

export const destinationKind = pgEnum("destination_kind", ["in_app", "webhook", "email"]);
export type RunEventType = "run.completed" | "run.failed";

/** A destination for an alert's events, or for run events of the project, one model or one benchmark. */
export const subscriptions = pgTable(
  "subscriptions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: destinationKind("kind").notNull(),
    url: text("url"),
    email: text("email"),
    /** The webhook signing secret, encrypted at rest (shown in full once, when created). */
    secretEncrypted: text("secret_encrypted"),
    alertId: uuid("alert_id").references(() => alerts.id, { onDelete: "cascade" }),
    runEvents: jsonb("run_events").$type<RunEventType[]>().notNull().default([]),
    modelId: uuid("model_id").references(() => models.id, { onDelete: "cascade" }),
    benchmarkId: uuid("benchmark_id").references(() => benchmarks.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("subscriptions_project_idx").on(t.projectId)],
);

export type EventPayload = Record<string, unknown>;

/** Something that happened, addressed to subscriptions; `key` de-duplicates the same happening. */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    key: text("key").notNull(),
    title: text("title").notNull(),
    link: text("link").notNull(),
    data: jsonb("data").$type<EventPayload>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("events_key_key").on(t.key)],
);

/** One event for one webhook or email subscription, retried by the queue until delivered. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    subscriptionId: uuid("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    status: text("status").$type<"pending" | "delivered" | "failed">().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** Set once the delivery job is sent; pending rows without it are swept onto the queue (the outbox). */
    queuedAt: timestamp("queued_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("deliveries_event_subscription_key").on(t.eventId, t.subscriptionId),
    index("deliveries_subscription_idx").on(t.subscriptionId),
    index("deliveries_unqueued_idx").on(t.createdAt).where(sql`${t.queuedAt} is null and ${t.status} = 'pending'`),
  ],
);

/** Every attempt of a delivery, with the receiver's status code or the error: the delivery log. */
export const deliveryAttempts = pgTable(
  "delivery_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => deliveries.id, { onDelete: "cascade" }),
    statusCode: integer("status_code"),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("delivery_attempts_delivery_idx").on(t.deliveryId)],
);

/** An in-app notification (the bell) for one user; unread until read_at is set. */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    readAt: timestamp("read_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_user_event_key").on(t.userId, t.eventId),
    index("notifications_user_idx").on(t.userId, t.createdAt.desc()),
  ],
);
