import { sql } from "drizzle-orm";
import { db } from "@/db";
import type { ProjectCtx } from "@/lib/auth/context";
import { aggregateFromSums, wilsonInterval } from "@/lib/scoring/statistics";
import type { Aggregate, Interval } from "@/lib/scoring/statistics/types";
import { groupInteractions } from "../interactions/group";
import { findUseCase } from "./read";

export type TrafficPoint = { day: string; model: string; count: number };
export type FeedbackPoint = { day: string; model: string; feedback_key: string; kind: "bool" | "scalar" } & Aggregate;
export type WinRate = {
  feedback_key: string;
  model: string;
  opponent: string;
  wins: number;
  losses: number;
  ties: number;
  rate: number;
  ci: Interval | null;
};

/** Calls per model per day over the last `days` days. */
async function traffic(useCaseId: string, days: number): Promise<TrafficPoint[]> {
  const rows = await db.execute<{ day: string; model: string; n: string }>(sql`
    select to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, m.key as model, count(*) as n
    from interactions i join models m on m.id = i.model_id
    where i.use_case_id = ${useCaseId} and i.created_at >= now() - make_interval(days => ${days})
    group by 1, 2 order by 1, 2`);
  return rows.map((r) => ({ day: r.day, model: r.model, count: Number(r.n) }));
}

/** Metric feedback per day, model and key over the last `days` days, each with n and its 95% interval. */
async function feedbackOverTime(useCaseId: string, days: number): Promise<FeedbackPoint[]> {
  const rows = await db.execute<{ day: string; model: string; key: string; kind: "bool" | "scalar"; n: string; s: number; ss: number }>(sql`
    select to_char(i.created_at at time zone 'UTC', 'YYYY-MM-DD') as day, m.key as model, fk.key, fk.kind,
      count(*) as n, sum(mf.value)::float8 as s, sum(mf.value * mf.value)::float8 as ss
    from interactions i join models m on m.id = i.model_id
    join metric_feedback mf on mf.interaction_id = i.id join feedback_keys fk on fk.id = mf.feedback_key_id
    where i.use_case_id = ${useCaseId} and i.created_at >= now() - make_interval(days => ${days})
    group by 1, 2, 3, 4 order by 1, 2, 3`);
  return rows.map((r) => ({
    day: r.day,
    model: r.model,
    feedback_key: r.key,
    kind: r.kind,
    ...aggregateFromSums(r.kind, Number(r.n), r.s, r.ss),
  }));
}

/** For each preference key and ordered model pair: how often the first model's answer was preferred (Wilson, ties excluded). */
async function winRates(useCaseId: string): Promise<WinRate[]> {
  const rows = await db.execute<{ key: string; a: string; b: string; wins: string; losses: string; ties: string }>(sql`
    with pairs as (
      select fk.key, pm.key as winner, om.key as loser, pf.tied
      from preference_feedback pf
      join feedback_keys fk on fk.id = pf.feedback_key_id
      join interactions p on p.id = pf.preferred_id join models pm on pm.id = p.model_id
      join interactions o on o.id = pf.other_id join models om on om.id = o.model_id
      where p.use_case_id = ${useCaseId} and pm.key <> om.key
    ), sides as (
      select key, winner as a, loser as b, case when tied then 0 else 1 end as win, 0 as loss, tied from pairs
      union all
      select key, loser as a, winner as b, 0 as win, case when tied then 0 else 1 end as loss, tied from pairs
    )
    select key, a, b, sum(win) as wins, sum(loss) as losses, sum(case when tied then 1 else 0 end) as ties
    from sides group by 1, 2, 3 order by 1, 2, 3`);
  return rows.map((r) => {
    const wins = Number(r.wins);
    const decided = wins + Number(r.losses);
    return {
      feedback_key: r.key,
      model: r.a,
      opponent: r.b,
      wins,
      losses: Number(r.losses),
      ties: Number(r.ties),
      rate: decided ? wins / decided : Number.NaN,
      ci: wilsonInterval(wins, decided),
    };
  });
}

/** The use case page: traffic per model over time, metric feedback per model with intervals, preference win rates. */
export async function useCaseOverview(ctx: ProjectCtx, key: string, days = 30) {
  const useCase = await findUseCase(ctx, key);
  const [points, perModel, wins, daily] = await Promise.all([
    traffic(useCase.id, days),
    groupInteractions(ctx, { use_case: key, group_by: "model", sort: "-created_at" }),
    winRates(useCase.id),
    feedbackOverTime(useCase.id, days),
  ]);
  return { traffic: points, models: perModel.groups, win_rates: wins, feedback_over_time: daily };
}
