import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { ProjectCtx } from "@/lib/auth/context";

const RECENT_RUNS = 5;
const RECENT_RESULTS = 500;

export type RecentLatency = { median_ms: number; n: number };

/**
 * Each model's median latency over its latest successful calls in this project (at most 500 from its
 * last 5 runs), for the run form's time estimate. Models without results are absent.
 */
export async function recentMedianLatency(ctx: ProjectCtx, modelIds: string[]): Promise<Map<string, RecentLatency>> {
  if (modelIds.length === 0) return new Map();
  const rows = await db.execute<{ model_id: string; median_ms: number; n: number }>(sql`
    with recent_runs as (
      select id, model_id from (
        select id, model_id, row_number() over (partition by model_id order by created_at desc) as k
        from runs
        where project_id = ${ctx.project.id} and model_id in (${sql.join(
          modelIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
      ) ranked where k <= ${RECENT_RUNS}
    ),
    recent_results as (
      select r.model_id, rr.latency_ms, row_number() over (partition by r.model_id order by rr.created_at desc) as k
      from run_results rr join recent_runs r on r.id = rr.run_id
      where rr.status = 'ok' and rr.latency_ms is not null
    )
    select model_id, percentile_cont(0.5) within group (order by latency_ms)::float8 as median_ms, count(*)::int as n
    from recent_results where k <= ${RECENT_RESULTS} group by model_id`);
  return new Map(rows.map((r) => [r.model_id, { median_ms: r.median_ms, n: r.n }]));
}
