import { sql } from "drizzle-orm";
import { db } from "@/db";
import { interactions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { aggregateFromSums } from "@/lib/scoring/statistics";
import type { Aggregate } from "@/lib/scoring/statistics/types";
import type { ListInteractions } from "@/lib/validation/interactions";
import { interactionFilter } from "./filters";

export type FeedbackAggregate = Aggregate & { kind: "bool" | "scalar" };
export type InteractionGroup = {
  group: string | null;
  count: number;
  tokens_in: number;
  tokens_out: number;
  cost: number;
  latency_ms_mean: number | null;
  feedback: Record<string, FeedbackAggregate>;
};

function groupExpression(groupBy: string) {
  if (groupBy === "model") return sql`(select m.key from models m where m.id = ${interactions.modelId})`;
  if (groupBy === "day") return sql`to_char(${interactions.createdAt} at time zone 'UTC', 'YYYY-MM-DD')`;
  return sql`${interactions.labels} ->> ${groupBy.slice("label:".length)}`;
}

/** Counts and feedback aggregates (Wilson for bool keys, Student t for scalar keys) per model, day or label value. */
export async function groupInteractions(ctx: ProjectCtx, filters: ListInteractions) {
  const groupBy = filters.group_by as string;
  const where = await interactionFilter(ctx, filters);
  const g = groupExpression(groupBy);
  const [totals, sums] = await Promise.all([
    db.execute<{ g: string | null; n: string; tin: string; tout: string; cost: number; latency: number | null }>(sql`
      select ${g} as g, count(*) as n, sum(${interactions.tokensIn}) as tin, sum(${interactions.tokensOut}) as tout,
        sum(${interactions.cost}) as cost, avg(${interactions.latencyMs})::float8 as latency
      from ${interactions} where ${where} group by 1 order by 1`),
    db.execute<{ g: string | null; key: string; kind: "bool" | "scalar"; n: string; s: number; ss: number }>(sql`
      select ${g} as g, fk.key, fk.kind, count(*) as n, sum(mf.value)::float8 as s, sum(mf.value * mf.value)::float8 as ss
      from ${interactions} join metric_feedback mf on mf.interaction_id = ${interactions.id}
      join feedback_keys fk on fk.id = mf.feedback_key_id
      where ${where} group by 1, 2, 3`),
  ]);
  const groups = new Map<string | null, InteractionGroup>();
  for (const t of totals) {
    groups.set(t.g, {
      group: t.g,
      count: Number(t.n),
      tokens_in: Number(t.tin),
      tokens_out: Number(t.tout),
      cost: Number(t.cost),
      latency_ms_mean: t.latency === null ? null : Number(t.latency),
      feedback: {},
    });
  }
  for (const s of sums) {
    const group = groups.get(s.g);
    if (group) group.feedback[s.key] = { kind: s.kind, ...aggregateFromSums(s.kind, Number(s.n), Number(s.s), Number(s.ss)) };
  }
  return { group_by: groupBy, groups: [...groups.values()] };
}
