import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, models, runs, scheduleOccurrences, schedules } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { describeCadence, nextOccurrence } from "@/lib/automation/cadence";
import { AppError } from "@/lib/errors";
import { hasAllTags, tagsOf } from "../tags/read";

type ScheduleRow = typeof schedules.$inferSelect;

export function serializeSchedule(s: ScheduleRow, now = new Date()) {
  return {
    id: s.id,
    name: s.name,
    model_ids: s.modelIds,
    benchmark_ids: s.benchmarkIds,
    config: s.config,
    cadence: s.cadence,
    cadence_text: describeCadence(s.cadence),
    start_at: s.startAt.toISOString(),
    paused: s.paused,
    next_occurrence: s.paused ? null : nextOccurrence(s.cadence, s.startAt, s.lastDueAt > now ? s.lastDueAt : now).toISOString(),
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

export async function getScheduleRow(ctx: ProjectCtx, id: string) {
  const [row] = await db
    .select()
    .from(schedules)
    .where(and(eq(schedules.id, id), eq(schedules.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Schedule not found");
  return row;
}

/** Each pair's latest run started by these schedules: the "last result" column. */
async function lastRuns(scheduleIds: string[]) {
  if (scheduleIds.length === 0) return [];
  return db
    .selectDistinctOn([runs.scheduleId, runs.modelId, runs.benchmarkId], {
      scheduleId: runs.scheduleId,
      runId: runs.id,
      modelId: runs.modelId,
      model: models.name,
      benchmarkId: runs.benchmarkId,
      benchmark: benchmarks.name,
      status: runs.status,
      score: sql<number | null>`(${runs.summary} -> 'primary' -> 'overall' ->> 'value')::float8`,
      createdAt: runs.createdAt,
    })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .where(inArray(runs.scheduleId, scheduleIds))
    .orderBy(runs.scheduleId, runs.modelId, runs.benchmarkId, desc(runs.createdAt));
}

/** The project's schedules (or those running one model or benchmark, or carrying tags), each with its tags and pairs' last runs. */
export async function listSchedules(ctx: ProjectCtx, filter: { model_id?: string; benchmark_id?: string; tag?: string[] } = {}) {
  const rows = await db
    .select()
    .from(schedules)
    .where(
      and(
        eq(schedules.projectId, ctx.project.id),
        filter.model_id ? sql`${schedules.modelIds} @> ${JSON.stringify([filter.model_id])}::jsonb` : undefined,
        filter.benchmark_id ? sql`${schedules.benchmarkIds} @> ${JSON.stringify([filter.benchmark_id])}::jsonb` : undefined,
        hasAllTags(ctx, "schedule", sql.raw(`"schedules"."id"`), filter.tag),
      ),
    )
    .orderBy(schedules.name);
  const ids = rows.map((r) => r.id);
  const [last, tags] = await Promise.all([lastRuns(ids), tagsOf(ctx, "schedule", ids)]);
  return rows.map((s) => ({
    ...serializeSchedule(s),
    tags: tags.get(s.id) ?? [],
    last_runs: last
      .filter((r) => r.scheduleId === s.id)
      .map((r) => ({
        run_id: r.runId,
        model: { id: r.modelId, name: r.model },
        benchmark: { id: r.benchmarkId, name: r.benchmark },
        status: r.status,
        score: r.score,
        created_at: r.createdAt.toISOString(),
      })),
  }));
}

/** One schedule with its latest occurrences (runs started and pairs skipped). */
export async function getSchedule(ctx: ProjectCtx, id: string) {
  const row = await getScheduleRow(ctx, id);
  const [listed] = (await listSchedules(ctx)).filter((s) => s.id === row.id);
  const occurrences = await db
    .select()
    .from(scheduleOccurrences)
    .where(eq(scheduleOccurrences.scheduleId, row.id))
    .orderBy(desc(scheduleOccurrences.dueAt))
    .limit(20);
  return {
    ...(listed ?? { ...serializeSchedule(row), tags: [], last_runs: [] }),
    occurrences: occurrences.map((o) => ({
      id: o.id,
      due_at: o.dueAt.toISOString(),
      manual: o.manual,
      status: o.status,
      pairs: o.pairs,
    })),
  };
}
