import { sql } from "drizzle-orm";
import { preparedStatement } from "@/db";
import { ARM_SHARDS, type metricFeedback } from "@/db/schema";
import { bucketStart, FINE_BUCKETS_MS, HOUR_MS, MINUTE_MS } from "@/lib/scoring/ab/buckets";
import { writeBatches } from "@/lib/write-batches";

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

/**
 * Up to 8 writes per statement: with one statement in flight, bigger batches settled into turns of 1 and 15 writes,
 * the listener idle while the big one ran; 8 keeps both at work. Rows are locked in key order (no deadlocks).
 */
const BATCH = 8;
const SHARD = sql.raw(`(pg_backend_pid() % ${ARM_SHARDS})`);
const FINE = sql.raw(`interval '${FINE_BUCKETS_MS} milliseconds'`);

/**
 * A batch of metric feedbacks (`$1`, a JSON array; no two share completion, key and user) in one statement:
 * it finds each one's key, interaction and running test, stores it, links the key to the use case, and moves
 * the per-user totals, this connection's arm and bucket shards by the batch's changes (moments.ts valueDelta;
 * cluster terms as in applyValue, on each user's totals after (a) and before (b) the batch). One value per
 * (interaction, user) in a test, the latest wins: the value it replaces is read under its row lock.
 */
const statement = preparedStatement<Result>(sql`with input as (
    select * from jsonb_to_recordset(${sql.placeholder("batch")}::jsonb) as u(idx int, project_id uuid, feedback_key text, completion_id uuid,
      value float8, is_number boolean, end_user text, user_or_null text, details text, at timestamptz, minute timestamptz, hour timestamptz)
  ), target as (
    select u.idx, u.project_id, u.value, u.end_user, u.user_or_null, u.details, u.at, k.id as key_id, k.kind, i.id as interaction_id,
           i.use_case_id, t.id as test_id, ascii(i.ab_arm) - 65 as arm, t.min_samples_per_arm as min_samples,
           case when u.at - t.created_at < ${FINE} then u.minute else u.hour end as bucket,
           case when k.kind = 'bool' then u.value in (0, 1) else u.is_number end as valid
    from input u
    join feedback_keys k on k.project_id = u.project_id and k.key = u.feedback_key
    left join interactions i on i.id = u.completion_id and i.project_id = k.project_id
    left join ab_tests t on t.id = i.ab_test_id and t.status = 'running' and t.feedback_type = 'metric' and t.feedback_key_id = k.id
  ), ok as (select * from target where valid and interaction_id is not null),
  replaced as (
    update ab_test_values v set value = o.value
    from (select x.test_id, x.interaction_id, x.end_user, x.value as old, ok.value, ok.idx from ab_test_values x
          join ok on x.test_id = ok.test_id and x.interaction_id = ok.interaction_id and x.end_user = ok.end_user
          order by x.test_id, x.interaction_id, x.end_user for update of x) o
    where v.test_id = o.test_id and v.interaction_id = o.interaction_id and v.end_user = o.end_user
    returning o.idx, v.arm, v.bucket, o.old
  ), inserted as (
    insert into ab_test_values (test_id, interaction_id, end_user, arm, value, bucket)
    select test_id, interaction_id, end_user, arm, value, bucket from ok
    where test_id is not null
      and not exists (select 1 from ab_test_values x where x.test_id = ok.test_id and x.interaction_id = ok.interaction_id and x.end_user = ok.end_user)
    on conflict do nothing
    returning test_id, interaction_id, end_user, arm, bucket
  ), val as (
    select idx, arm, bucket, old from replaced
    union all
    select ok.idx, ins.arm, ins.bucket, null::float8 from inserted ins join ok using (test_id, interaction_id, end_user)
  ), d as (
    select ok.idx, ok.test_id, val.arm, val.bucket, ok.end_user, ok.value, (val.old is null)::int as n,
           ok.value - coalesce(val.old, 0) as sum, ok.value * ok.value - coalesce(val.old, 0) * coalesce(val.old, 0) as sum_sq
    from ok join val using (idx)
  ), per_user as (
    select test_id, arm, end_user, sum(n)::int as n, sum(sum) as sum from d where end_user <> '' group by test_id, arm, end_user
  ), usr as (
    insert into ab_test_users (test_id, arm, end_user, n, sum) select test_id, arm, end_user, n, sum from per_user order by 1, 2, 3
    on conflict (test_id, arm, end_user) do update set n = ab_test_users.n + excluded.n, sum = ab_test_users.sum + excluded.sum
    returning test_id, arm, end_user, n, sum
  ), clusters as (
    select u.test_id, u.arm, u.n as an, u.sum as asum, u.n - p.n as bn, u.sum - p.sum as bsum
    from usr u join per_user p using (test_id, arm, end_user)
    union all -- a value without a user is a cluster of its own
    select test_id, arm, 1, value, 1 - n, value - sum from d where end_user = ''
  ), arm_change as (
    select m.test_id, m.arm, m.n, m.sum, m.sum_sq, c.clusters, c.cluster_sum_sq, c.cluster_cross, c.cluster_size_sq
    from (select test_id, arm, sum(n)::int as n, sum(sum) as sum, sum(sum_sq) as sum_sq from d group by test_id, arm) m
    join (select test_id, arm, sum((an > 0)::int - (bn > 0)::int)::int as clusters, sum(asum * asum - bsum * bsum) as cluster_sum_sq,
                 sum(an * asum - bn * bsum) as cluster_cross, sum(an * an - bn * bn) as cluster_size_sq
          from clusters group by test_id, arm) c using (test_id, arm)
  ), arm_sums as (
    insert into ab_test_arm_shards (test_id, arm, shard, n, sum, sum_sq, clusters, cluster_sum_sq, cluster_cross, cluster_size_sq)
    select test_id, arm, ${SHARD}, n, sum, sum_sq, clusters, cluster_sum_sq, cluster_cross, cluster_size_sq from arm_change order by 1, 2
    on conflict (test_id, arm, shard) do update set
      n = ab_test_arm_shards.n + excluded.n, sum = ab_test_arm_shards.sum + excluded.sum, sum_sq = ab_test_arm_shards.sum_sq + excluded.sum_sq,
      clusters = ab_test_arm_shards.clusters + excluded.clusters, cluster_sum_sq = ab_test_arm_shards.cluster_sum_sq + excluded.cluster_sum_sq,
      cluster_cross = ab_test_arm_shards.cluster_cross + excluded.cluster_cross, cluster_size_sq = ab_test_arm_shards.cluster_size_sq + excluded.cluster_size_sq
  ), bucket_sums as (
    insert into ab_test_buckets (test_id, arm, start, shard, n, sum, sum_sq)
    select test_id, arm, bucket, ${SHARD}, sum(n), sum(sum), sum(sum_sq) from d group by test_id, arm, bucket order by 1, 2, 3
    on conflict (test_id, arm, start, shard) do update set
      n = ab_test_buckets.n + excluded.n, sum = ab_test_buckets.sum + excluded.sum, sum_sq = ab_test_buckets.sum_sq + excluded.sum_sq
  ), fb as (
    insert into metric_feedback (project_id, interaction_id, feedback_key_id, value, end_user, details, created_at)
    select project_id, interaction_id, key_id, value, user_or_null, details, at from ok
    where ok.test_id is null or exists (select 1 from val where val.idx = ok.idx)
    returning id, project_id as "projectId", interaction_id as "interactionId", feedback_key_id as "feedbackKeyId", value,
              end_user as "endUser", details, created_at as "createdAt"
  ), link as (
    insert into use_case_feedback_keys (use_case_id, feedback_key_id)
    select distinct ok.use_case_id, ok.key_id from ok join fb on fb."interactionId" = ok.interaction_id and fb."feedbackKeyId" = ok.key_id
    on conflict do nothing
  )
  select u.idx, t.key_id, t.kind, t.valid, t.interaction_id, t.use_case_id, t.test_id, t.arm,
    (select row_to_json(fb) from fb
     where fb."interactionId" = t.interaction_id and fb."feedbackKeyId" = t.key_id and coalesce(fb."endUser", '') = t.end_user) as fb,
    -- whether the arm has min_samples_per_arm with this value (its sums as of the statement's start, plus d.n)
    (select (select coalesce(sum(s.n), 0) from ab_test_arm_shards s where s.test_id = d.test_id and s.arm = d.arm)
          + (select a.n from ab_test_arms a where a.test_id = d.test_id and a.arm = d.arm) + d.n >= t.min_samples
     from d where d.idx = u.idx) as ready
  from input u left join target t using (idx)
  order by u.idx`);

type Result = Partial<Target> & { fb: Row | null; ready: boolean | null };
type Timed = { f: MetricFeedbackInput; now: Date };

async function runBatch(items: Timed[]): Promise<MetricFeedbackWrite[]> {
  const batch = items.map(({ f, now }, idx) => ({
    idx,
    project_id: f.projectId,
    feedback_key: f.feedbackKey,
    completion_id: f.completionId,
    value: num(f.value),
    is_number: typeof f.value === "number",
    end_user: f.user ?? "",
    user_or_null: f.user,
    details: f.details,
    at: now.toISOString(),
    minute: bucketStart(now, MINUTE_MS).toISOString(),
    hour: bucketStart(now, HOUR_MS).toISOString(),
  }));
  const rows = await statement({ batch: JSON.stringify(batch) });
  return rows.map(({ fb, ready, key_id, kind, valid, interaction_id, use_case_id, test_id, arm }) => ({
    target:
      key_id && kind
        ? {
            key_id,
            kind,
            valid: valid === true,
            interaction_id: interaction_id ?? null,
            use_case_id: use_case_id ?? null,
            test_id: test_id ?? null,
            arm: arm ?? null,
          }
        : null,
    row: fb && { ...fb, createdAt: new Date(fb.createdAt) },
    ready: ready === true,
  }));
}

const write = writeBatches(runBatch, ({ f }) => `${f.completionId}\n${f.feedbackKey}\n${f.user ?? ""}`, BATCH);

/**
 * Stores a metric feedback and counts it for the running test of its interaction (when decided by this key);
 * concurrent writes share one statement (writeBatches). Nothing is stored when the key or the completion is
 * unknown or the value does not fit the key (`target` says which).
 */
export async function writeMetricFeedback(f: MetricFeedbackInput, now = new Date()): Promise<MetricFeedbackWrite> {
  for (let attempt = 1; ; attempt++) {
    const written = await write({ f, now });
    const { target } = written;
    if (written.row || !target?.test_id || !target.valid || !target.interaction_id) return written;
    // Nothing counted and nothing stored: a concurrent request wrote this value first; the next snapshot replaces it.
    if (attempt === 3) throw new Error("metric feedback: the value kept changing under concurrent writers");
  }
}
