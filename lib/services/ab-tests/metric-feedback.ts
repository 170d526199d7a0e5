import { type SQL, sql } from "drizzle-orm";
import { preparedStatement } from "@/db";
import { ARM_SHARDS, type metricFeedback } from "@/db/schema";
import { bucketStart, FINE_BUCKETS_MS, HOUR_MS, MINUTE_MS } from "@/lib/scoring/ab/buckets";

export const armIndex = (label: string) => label.charCodeAt(0) - 65;

/** A metric feedback as logged: the key by name, the completion by id, the value as sent (true/false or a number). */
export type MetricFeedbackInput = {
  projectId: string;
  feedbackKey: string;
  completionId: string;
  value: number | boolean;
  user: string | null;
  details: string | null;
};

type Row = typeof metricFeedback.$inferSelect;
/** What the statement found: the key (null: unknown), the interaction (null: unknown) and the running test it counts for. */
type Target = {
  key_id: string;
  kind: "bool" | "scalar";
  valid: boolean;
  interaction_id: string | null;
  use_case_id: string | null;
  test_id: string | null;
  arm: number | null;
};
export type MetricFeedbackWrite = { target: Target | null; row: Row | null; ready: boolean };

const num = (value: number | boolean) => (typeof value === "boolean" ? Number(value) : value);

/** The statement's inputs: it is built once (preparedStatement) and each write fills these in. */
const p = {
  projectId: sql`${sql.placeholder("projectId")}::uuid`,
  feedbackKey: sql`${sql.placeholder("feedbackKey")}::text`,
  completionId: sql`${sql.placeholder("completionId")}::uuid`,
  value: sql`${sql.placeholder("value")}::float8`,
  isNumber: sql`${sql.placeholder("isNumber")}::boolean`,
  /** The user, '' without one (ab_test_values and ab_test_users key on it); `userOrNull` is what metric_feedback stores. */
  user: sql`${sql.placeholder("user")}::text`,
  userOrNull: sql`${sql.placeholder("userOrNull")}::text`,
  details: sql`${sql.placeholder("details")}::text`,
  now: sql`${sql.placeholder("now")}::timestamptz`,
  minute: sql`${sql.placeholder("minute")}::timestamptz`,
  hour: sql`${sql.placeholder("hour")}::timestamptz`,
};

/** The feedback row (only `when` holds) and the use case's link to its key, as CTEs `fb` and `link`, from CTE `ok`. */
function feedbackCtes(when: SQL): SQL {
  return sql`fb as (
    insert into metric_feedback (project_id, interaction_id, feedback_key_id, value, end_user, details, created_at)
    select ${p.projectId}, interaction_id, key_id, ${p.value}, ${p.userOrNull}, ${p.details}, ${p.now}
    from ok where ${when}
    returning id, project_id as "projectId", interaction_id as "interactionId", feedback_key_id as "feedbackKeyId", value,
              end_user as "endUser", details, created_at as "createdAt"
  ), link as (
    insert into use_case_feedback_keys (use_case_id, feedback_key_id) select ok.use_case_id, ok.key_id from ok, fb
    on conflict do nothing
  )`;
}

/**
 * CTEs moving the sums of the test in CTE `ok` by one value written in CTE `val` (returning arm, bucket and
 * the value it replaced, `old`): the change (moments.ts valueDelta), the user's totals (`usr`), then this
 * connection's arm and bucket shards. Cluster terms as in applyValue, on the user's totals after (a) and before (b).
 */
function countedCtes(): SQL {
  const { user, value: v } = p;
  const shard = sql.raw(`(pg_backend_pid() % ${ARM_SHARDS})`);
  return sql`d as (
    select ok.test_id, val.arm, val.bucket, (val.old is null)::int as n, ${v} - coalesce(val.old, 0) as sum,
           ${v} * ${v} - coalesce(val.old, 0) * coalesce(val.old, 0) as sum_sq
    from ok, val
  ), usr as (
    insert into ab_test_users (test_id, arm, end_user, n, sum) select test_id, arm, ${user}, n, sum from d where ${user} <> ''
    on conflict (test_id, arm, end_user) do update set n = ab_test_users.n + excluded.n, sum = ab_test_users.sum + excluded.sum
    returning n, sum
  ), moved as (
    select d.*, c.n as an, c.sum as asum, c.n - d.n as bn, c.sum - d.sum as bsum
    from d, lateral (select n, sum from usr union all select 1, ${v} where ${user} = '') c
  ), arm_sums as (
    insert into ab_test_arm_shards (test_id, arm, shard, n, sum, sum_sq, clusters, cluster_sum_sq, cluster_cross, cluster_size_sq)
    select test_id, arm, ${shard}, n, sum, sum_sq, (an > 0)::int - (bn > 0)::int, asum * asum - bsum * bsum, an * asum - bn * bsum, an * an - bn * bn
    from moved
    on conflict (test_id, arm, shard) do update set
      n = ab_test_arm_shards.n + excluded.n, sum = ab_test_arm_shards.sum + excluded.sum, sum_sq = ab_test_arm_shards.sum_sq + excluded.sum_sq,
      clusters = ab_test_arm_shards.clusters + excluded.clusters, cluster_sum_sq = ab_test_arm_shards.cluster_sum_sq + excluded.cluster_sum_sq,
      cluster_cross = ab_test_arm_shards.cluster_cross + excluded.cluster_cross, cluster_size_sq = ab_test_arm_shards.cluster_size_sq + excluded.cluster_size_sq
  ), bucket_sums as (
    insert into ab_test_buckets (test_id, arm, start, shard, n, sum, sum_sq) select test_id, arm, bucket, ${shard}, n, sum, sum_sq from moved
    on conflict (test_id, arm, start, shard) do update set
      n = ab_test_buckets.n + excluded.n, sum = ab_test_buckets.sum + excluded.sum, sum_sq = ab_test_buckets.sum_sq + excluded.sum_sq
  )`;
}

/** Whether the arm has min_samples_per_arm with this value (its sums as of the statement's start, plus d.n). */
const READY = sql`(select coalesce(sum(s.n), 0) from ab_test_arm_shards s where s.test_id = ok.test_id and s.arm = ok.arm)
    + (select a.n from ab_test_arms a where a.test_id = ok.test_id and a.arm = ok.arm) + d.n >= ok.min_samples`;

const TARGET = sql.raw("t.key_id, t.kind, t.valid, t.interaction_id, t.use_case_id, t.test_id, t.arm");

type Result = Target & { fb: Row | null; ready: boolean | null };

const same = sql`x.test_id = ok.test_id and x.interaction_id = ok.interaction_id and x.end_user = ${p.user}`;
const statement = preparedStatement<Result>(sql`with target as (
    select k.id as key_id, k.kind, i.id as interaction_id, i.use_case_id, t.id as test_id, ascii(i.ab_arm) - 65 as arm,
           t.min_samples_per_arm as min_samples,
           case when ${p.now} - t.created_at < ${sql.raw(`interval '${FINE_BUCKETS_MS} milliseconds'`)} then ${p.minute} else ${p.hour} end as bucket,
           case when k.kind = 'bool' then ${p.value} in (0, 1) else ${p.isNumber} end as valid
    from feedback_keys k
    left join interactions i on i.id = ${p.completionId} and i.project_id = k.project_id
    left join ab_tests t on t.id = i.ab_test_id and t.status = 'running' and t.feedback_type = 'metric' and t.feedback_key_id = k.id
    where k.project_id = ${p.projectId} and k.key = ${p.feedbackKey}
  ), ok as (select * from target where valid and interaction_id is not null),
  -- One value per (interaction, user), the latest wins: the value it replaces is read under its row lock (FOR UPDATE).
  replaced as (
    update ab_test_values v set value = ${p.value}
    from (select x.test_id, x.interaction_id, x.end_user, x.value from ab_test_values x, ok where ${same} for update of x) o
    where v.test_id = o.test_id and v.interaction_id = o.interaction_id and v.end_user = o.end_user
    returning v.arm, v.bucket, o.value as old
  ), inserted as (
    insert into ab_test_values (test_id, interaction_id, end_user, arm, value, bucket)
    select test_id, interaction_id, ${p.user}, arm, ${p.value}, bucket from ok
    where test_id is not null and not exists (select 1 from ab_test_values x where ${same})
    on conflict do nothing
    returning arm, bucket, null::float8 as old
  ), val as (select * from replaced union all select * from inserted),
  ${countedCtes()}, ${feedbackCtes(sql`ok.test_id is null or exists (select 1 from val)`)}
  select ${TARGET}, (select row_to_json(fb) from fb) as fb, (select ${READY} from ok, d) as ready from target t`);

async function run(f: MetricFeedbackInput, now: Date): Promise<MetricFeedbackWrite> {
  const [row] = await statement({
    projectId: f.projectId,
    feedbackKey: f.feedbackKey,
    completionId: f.completionId,
    value: num(f.value),
    isNumber: typeof f.value === "number",
    user: f.user ?? "",
    userOrNull: f.user,
    details: f.details,
    now: now.toISOString(),
    minute: bucketStart(now, MINUTE_MS).toISOString(),
    hour: bucketStart(now, HOUR_MS).toISOString(),
  });
  if (!row) return { target: null, row: null, ready: false };
  const { fb, ready, ...target } = row;
  return { target, row: fb && { ...fb, createdAt: new Date(fb.createdAt) }, ready: ready === true };
}

/**
 * Stores a metric feedback and counts it for the running test of its interaction (when decided by this key),
 * in one statement that also finds the key and the interaction. Nothing is stored when the key or the
 * completion is unknown or the value does not fit the key (`target` says which).
 */
export async function writeMetricFeedback(f: MetricFeedbackInput, now = new Date()): Promise<MetricFeedbackWrite> {
  for (let attempt = 1; ; attempt++) {
    const written = await run(f, now);
    const { target } = written;
    if (written.row || !target?.test_id || !target.valid || !target.interaction_id) return written;
    // Nothing counted and nothing stored: a concurrent request wrote this value first; the next snapshot replaces it.
    if (attempt === 3) throw new Error("metric feedback: the value kept changing under concurrent writers");
  }
}
