import { sql } from "drizzle-orm";
import {
  boolean,
  doublePrecision,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { feedbackKeys } from "./feedback";
import { interactions } from "./interactions";
import { models } from "./models";
import { projects } from "./projects";
import { useCases } from "./use-cases";
import { users } from "./users";

export const abFeedbackType = pgEnum("ab_feedback_type", ["metric", "preference"]);
export const abTestStatus = pgEnum("ab_test_status", ["running", "completed", "cancelled"]);
export const abOutcome = pgEnum("ab_outcome", ["winner", "no_significant_difference"]);

/** An A/B test of a use case's models on its live `model: default` traffic. */
export const abTests = pgTable(
  "ab_tests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    projectId: uuid("project_id")
      .notNull()
      .references(() => projects.id, { onDelete: "cascade" }),
    useCaseId: uuid("use_case_id")
      .notNull()
      .references(() => useCases.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    feedbackKeyId: uuid("feedback_key_id")
      .notNull()
      .references(() => feedbackKeys.id),
    feedbackType: abFeedbackType("feedback_type").notNull(),
    trafficSplit: doublePrecision("traffic_split").notNull(),
    autoDeploy: boolean("auto_deploy").notNull().default(false),
    minSamplesPerArm: integer("min_samples_per_arm").notNull().default(100),
    maxSamplesPerArm: integer("max_samples_per_arm"),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    status: abTestStatus("status").notNull().default("running"),
    outcome: abOutcome("outcome"),
    winnerArm: smallint("winner_arm"),
    /** Why the test stopped without a winner (max_samples, ends_at) or why auto-deploy did not happen. */
    note: text("note"),
    deployedAt: timestamp("deployed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("ab_tests_project_key").on(t.projectId, t.key),
    // One running test per use case, enforced by the database rather than by every writer.
    uniqueIndex("ab_tests_one_running").on(t.useCaseId).where(sql`${t.status} = 'running'`),
    index("ab_tests_project_created_idx").on(t.projectId, t.createdAt.desc()),
  ],
);

/**
 * An arm (A = the control, the use case's default at creation) and its running sums: requests assigned,
 * and the feedback sums of lib/scoring/ab/moments.ts — here those of bulk loads, plus its shards below.
 */
export const abTestArms = pgTable(
  "ab_test_arms",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    arm: smallint("arm").notNull(),
    modelId: uuid("model_id")
      .notNull()
      .references(() => models.id),
    assigned: integer("assigned").notNull().default(0),
    n: integer("n").notNull().default(0),
    sum: doublePrecision("sum").notNull().default(0),
    sumSq: doublePrecision("sum_sq").notNull().default(0),
    clusters: integer("clusters").notNull().default(0),
    clusterSumSq: doublePrecision("cluster_sum_sq").notNull().default(0),
    clusterCross: doublePrecision("cluster_cross").notNull().default(0),
    clusterSizeSq: doublePrecision("cluster_size_sq").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.testId, t.arm] })],
);

/**
 * Feedback writers add to one of ARM_SHARDS rows per arm (chosen by their database connection), so
 * concurrent writers do not queue on one row lock; readers add the shards to the arm's own sums.
 */
export const ARM_SHARDS = 16;

/** One shard of an arm's feedback sums (the same sums as the arm row, which keeps those of bulk loads). */
export const abTestArmShards = pgTable(
  "ab_test_arm_shards",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    arm: smallint("arm").notNull(),
    shard: smallint("shard").notNull(),
    n: integer("n").notNull().default(0),
    sum: doublePrecision("sum").notNull().default(0),
    sumSq: doublePrecision("sum_sq").notNull().default(0),
    clusters: integer("clusters").notNull().default(0),
    clusterSumSq: doublePrecision("cluster_sum_sq").notNull().default(0),
    clusterCross: doublePrecision("cluster_cross").notNull().default(0),
    clusterSizeSq: doublePrecision("cluster_size_sq").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.testId, t.arm, t.shard] })],
);

/** Per-minute sums of one arm (requests assigned and feedback), for the charts over time; sharded like the arm sums. */
export const abTestBuckets = pgTable(
  "ab_test_buckets",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    arm: smallint("arm").notNull(),
    start: timestamp("start", { withTimezone: true }).notNull(),
    shard: smallint("shard").notNull().default(0),
    assigned: integer("assigned").notNull().default(0),
    n: integer("n").notNull().default(0),
    sum: doublePrecision("sum").notNull().default(0),
    sumSq: doublePrecision("sum_sq").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.testId, t.arm, t.start, t.shard] })],
);

/** One user's totals within one arm: what the cluster-robust sums need to change when that user adds a value. */
export const abTestUsers = pgTable(
  "ab_test_users",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    arm: smallint("arm").notNull(),
    endUser: text("end_user").notNull(),
    n: integer("n").notNull().default(0),
    sum: doublePrecision("sum").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.testId, t.arm, t.endUser] })],
);

/** The value counted for (interaction, user) — '' without a user — so a repeated click replaces, never adds. */
export const abTestValues = pgTable(
  "ab_test_values",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    interactionId: uuid("interaction_id")
      .notNull()
      .references(() => interactions.id, { onDelete: "cascade" }),
    endUser: text("end_user").notNull(),
    arm: smallint("arm").notNull(),
    value: doublePrecision("value").notNull(),
    /** The bucket the first value went to; replacements adjust that bucket. */
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.testId, t.interactionId, t.endUser] })],
);

/** Running preference counts of a pair of arms (armA < armB). */
export const abTestPairs = pgTable(
  "ab_test_pairs",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    armA: smallint("arm_a").notNull(),
    armB: smallint("arm_b").notNull(),
    winsA: integer("wins_a").notNull().default(0),
    winsB: integer("wins_b").notNull().default(0),
    ties: integer("ties").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.testId, t.armA, t.armB] })],
);

/** The outcome counted for a pair of completions and a user (latest wins); `a` is the completion of the lower arm. */
export const abTestPreferences = pgTable(
  "ab_test_preferences",
  {
    testId: uuid("test_id")
      .notNull()
      .references(() => abTests.id, { onDelete: "cascade" }),
    aId: uuid("a_id").notNull(),
    bId: uuid("b_id").notNull(),
    endUser: text("end_user").notNull(),
    outcome: text("outcome").$type<"a" | "b" | "tie">().notNull(),
  },
  (t) => [primaryKey({ columns: [t.testId, t.aId, t.bId, t.endUser] })],
);
