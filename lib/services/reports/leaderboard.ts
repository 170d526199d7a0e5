import { and, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkVersions, models, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { buildLeaderboard, type LatestRun, type LeaderboardFilters } from "@/lib/reports/leaderboard";
import type { Interval } from "@/lib/scoring/statistics";
import { hasAllTags } from "../tags/read";

type Overall = { n: number; value: number | null; ci: Interval | null; method: string } | null;

/**
 * Each model × benchmark pair's latest completed run, reading only the headline fields of the stored
 * summary (never the results). The latest runs are picked first from plain columns, so only their
 * summaries are read: a project with a thousand runs detoasts a hundred. Older summaries without
 * `primary` fall back to their primary scorer.
 */
async function latestRuns(where: SQL | undefined): Promise<LatestRun[]> {
  const latest = db.$with("latest").as(
    db
      .selectDistinctOn([runs.modelId, runs.benchmarkId], { id: runs.id })
      .from(runs)
      .innerJoin(models, eq(models.id, runs.modelId))
      .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
      .where(and(eq(runs.status, "completed"), where))
      .orderBy(runs.modelId, runs.benchmarkId, sql`${runs.finishedAt} desc`),
  );
  const rows = await db
    .with(latest)
    .select({
      runId: runs.id,
      modelId: runs.modelId,
      modelKey: models.key,
      modelName: models.name,
      company: models.company,
      modelType: models.visibility,
      human: sql<boolean>`${models.endpointType} = 'human'`,
      benchmarkId: runs.benchmarkId,
      benchmarkKey: benchmarks.key,
      benchmarkName: benchmarks.name,
      categories: benchmarks.categories,
      version: benchmarkVersions.number,
      overall: sql<Overall>`coalesce(${runs.summary}->'primary'->'overall', ${runs.summary}->'scorers'->(${runs.summary}->>'primary_scorer')->'overall')`,
      minTasks: sql<number | null>`coalesce(${runs.config}->>'min_tasks_per_run', ${benchmarks.defaults}->>'min_tasks_per_run')::int`,
      cost: runs.cost,
      finishedItems: sql<number>`${runs.doneItems} + ${runs.errorItems}`,
      medianLatencyS: sql<number | null>`(${runs.summary}->'stats'->'secondsPerTask'->>'median')::float8`,
      finishedAt: runs.finishedAt,
    })
    .from(latest)
    .innerJoin(runs, eq(runs.id, latest.id))
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .innerJoin(benchmarkVersions, eq(benchmarkVersions.id, runs.versionId));
  return rows.map(({ overall, finishedAt, ...r }) => ({
    ...r,
    value: overall?.value ?? null,
    ci: overall?.ci ?? null,
    n: overall?.n ?? 0,
    method: overall?.method ?? null,
    finishedAt: (finishedAt ?? new Date(0)).toISOString(),
  }));
}

/** Tag filters pick the pairs before the latest run is chosen, so ranks are among the tagged models only. */
export async function projectLeaderboard(
  ctx: ProjectCtx,
  filters: LeaderboardFilters & { model_tag?: string[]; benchmark_tag?: string[] },
) {
  const where = and(
    eq(runs.projectId, ctx.project.id),
    hasAllTags(ctx, "model", runs.modelId, filters.model_tag),
    hasAllTags(ctx, "benchmark", runs.benchmarkId, filters.benchmark_tag),
  );
  return buildLeaderboard(await latestRuns(where), filters);
}

/** The models that ran one benchmark in the project, best first. */
export async function benchmarkLeaderboard(ctx: ProjectCtx, benchmarkId: string) {
  return buildLeaderboard(await latestRuns(and(eq(runs.projectId, ctx.project.id), eq(runs.benchmarkId, benchmarkId))), {
    sort: benchmarkId,
  });
}

/** One model's latest score on every benchmark it ran in the project. */
export async function modelLeaderboard(ctx: ProjectCtx, modelId: string) {
  return buildLeaderboard(await latestRuns(and(eq(runs.projectId, ctx.project.id), eq(runs.modelId, modelId))), {});
}

/** Instance-wide: published runs of public models on public benchmarks, from any project. */
export async function publicLeaderboard(filters: LeaderboardFilters) {
  return buildLeaderboard(
    await latestRuns(and(isNotNull(runs.publishedAt), eq(models.visibility, "public"), eq(benchmarks.visibility, "public"))),
    filters,
  );
}
