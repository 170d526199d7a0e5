import { and, asc, count, desc, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkVersions, models, runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page } from "@/lib/http/pagination";
import { wilsonInterval } from "@/lib/scoring/statistics";

type RunRow = typeof runs.$inferSelect;

/** A run as the API and UI show it, with live progress and the running score's interval. */
export function serializeRun(run: RunRow, names: { model: string; benchmark: string; version: number }) {
  const finished = run.doneItems + run.errorItems;
  const elapsed = run.startedAt ? ((run.finishedAt ?? new Date()).getTime() - run.startedAt.getTime()) / 1000 : 0;
  const rate = elapsed > 0 ? finished / elapsed : 0;
  return {
    id: run.id,
    status: run.status,
    origin: run.origin,
    model: { id: run.modelId, name: names.model },
    benchmark: { id: run.benchmarkId, name: names.benchmark, version: names.version },
    config: run.config,
    progress: {
      total: run.totalItems,
      done: finished,
      errors: run.errorItems,
      items_per_s: Number(rate.toFixed(2)),
      eta_s: rate > 0 && run.status === "in_progress" ? Math.round((run.totalItems - finished) / rate) : null,
    },
    running_score: { n: run.scoredItems, passed: run.passedItems, value: run.scoredItems ? run.passedItems / run.scoredItems : null, ci: wilsonInterval(run.passedItems, run.scoredItems) },
    tokens_in: run.tokensIn,
    tokens_out: run.tokensOut,
    cost: run.cost,
    summary: run.summary,
    error: run.error,
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
  };
}

const withNames = () =>
  db
    .select({ run: runs, model: models.name, benchmark: benchmarks.name, version: benchmarkVersions.number })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .innerJoin(benchmarkVersions, eq(benchmarkVersions.id, runs.versionId));

export async function getRun(ctx: ProjectCtx, id: string) {
  const [row] = await withNames().where(and(eq(runs.id, id), eq(runs.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Run not found");
  return serializeRun(row.run, row);
}

export async function listRuns(ctx: ProjectCtx, filters: { status?: RunRow["status"]; model_id?: string; benchmark_id?: string }, page: Page) {
  const conditions: (SQL | undefined)[] = [eq(runs.projectId, ctx.project.id)];
  if (filters.status) conditions.push(eq(runs.status, filters.status));
  if (filters.model_id) conditions.push(eq(runs.modelId, filters.model_id));
  if (filters.benchmark_id) conditions.push(eq(runs.benchmarkId, filters.benchmark_id));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    withNames().where(where).orderBy(desc(runs.createdAt)).limit(page.per_page).offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(runs).where(where),
  ]);
  return { items: rows.map((r) => serializeRun(r.run, r)), count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}

export async function listResults(ctx: ProjectCtx, runId: string, page: Page) {
  await getRun(ctx, runId);
  const where = eq(runResults.runId, runId);
  const [items, [total]] = await Promise.all([
    db.select().from(runResults).where(where).orderBy(asc(runResults.position), asc(runResults.sample)).limit(page.per_page).offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(runResults).where(where),
  ]);
  return { items, count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}
