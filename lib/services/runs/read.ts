import { and, count, desc, eq, ne, or, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkTasks, benchmarkVersions, models, runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page } from "@/lib/http/pagination";
import type { Task } from "@/lib/benchmarks/task";
import { inputText } from "@/lib/prompts/context";
import { wilsonInterval } from "@/lib/scoring/statistics";
import { hasResultFilters, type ResultFilters } from "@/lib/validation/run-results";
import { containsText } from "../search";
import { hasAllTags, tagsOf } from "../tags/read";

type RunRow = typeof runs.$inferSelect;

/** A run as the API and UI show it, with live progress and the running score's interval. */
export function serializeRun(run: RunRow, names: { model: string; benchmark: string; version: number; endpointType?: string }) {
  const finished = run.doneItems + run.errorItems;
  const elapsed = run.startedAt ? ((run.finishedAt ?? new Date()).getTime() - run.startedAt.getTime()) / 1000 : 0;
  const rate = elapsed > 0 ? finished / elapsed : 0;
  return {
    id: run.id,
    status: run.status,
    origin: run.origin,
    schedule_id: run.scheduleId,
    /** `human`: a person's answers (a human baseline) rather than a model's. */
    model: { id: run.modelId, name: names.model, human: names.endpointType === "human" },
    benchmark: { id: run.benchmarkId, name: names.benchmark, version: names.version },
    config: run.config,
    progress: {
      total: run.totalItems,
      done: finished,
      errors: run.errorItems,
      items_per_s: Number(rate.toFixed(2)),
      eta_s: rate > 0 && run.status === "in_progress" ? Math.round((run.totalItems - finished) / rate) : null,
    },
    running_score: {
      n: run.scoredItems,
      passed: run.passedItems,
      value: run.scoredItems ? run.passedItems / run.scoredItems : null,
      ci: wilsonInterval(run.passedItems, run.scoredItems),
    },
    tokens_in: run.tokensIn,
    tokens_out: run.tokensOut,
    cost: run.cost,
    summary: run.summary,
    error: run.error,
    note: run.note,
    created_at: run.createdAt.toISOString(),
    started_at: run.startedAt?.toISOString() ?? null,
    finished_at: run.finishedAt?.toISOString() ?? null,
    published_at: run.publishedAt?.toISOString() ?? null,
  };
}

const withNames = () =>
  db
    .select({
      run: runs,
      model: models.name,
      endpointType: models.endpointType,
      benchmark: benchmarks.name,
      version: benchmarkVersions.number,
    })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .innerJoin(benchmarkVersions, eq(benchmarkVersions.id, runs.versionId));

/** The stored run row with its names; every read of a run or its results starts here (project-scoped). */
export async function getRunRow(ctx: ProjectCtx, id: string) {
  const [row] = await withNames().where(and(eq(runs.id, id), eq(runs.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Run not found");
  return row;
}

export async function getRun(ctx: ProjectCtx, id: string) {
  const row = await getRunRow(ctx, id);
  return serializeRun(row.run, row);
}

export async function listRuns(
  ctx: ProjectCtx,
  filters: { status?: RunRow["status"]; model_id?: string; benchmark_id?: string; tag?: string[] },
  page: Page,
) {
  const conditions: (SQL | undefined)[] = [eq(runs.projectId, ctx.project.id)];
  if (filters.status) conditions.push(eq(runs.status, filters.status));
  if (filters.model_id) conditions.push(eq(runs.modelId, filters.model_id));
  if (filters.benchmark_id) conditions.push(eq(runs.benchmarkId, filters.benchmark_id));
  conditions.push(hasAllTags(ctx, "run", sql.raw(`"runs"."id"`), filters.tag));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    withNames()
      .where(where)
      .orderBy(desc(runs.createdAt))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(runs).where(where),
  ]);
  const tags = await tagsOf(
    ctx,
    "run",
    rows.map((r) => r.run.id),
  );
  return {
    items: rows.map((r) => ({ ...serializeRun(r.run, r), tags: tags.get(r.run.id) ?? [] })),
    count: total?.n ?? 0,
    page: page.page,
    per_page: page.per_page,
  };
}

type ResultRow = typeof runResults.$inferSelect;

// The list leaves out the bulky request, messages and raw response: the drill-down reads those for one result.
const listColumns = {
  position: runResults.position,
  sample: runResults.sample,
  taskKey: runResults.taskKey,
  subset: runResults.subset,
  status: runResults.status,
  responseText: runResults.responseText,
  parsed: runResults.parsed,
  passed: runResults.passed,
  score: runResults.score,
  scores: runResults.scores,
  latencyMs: runResults.latencyMs,
  tokensIn: runResults.tokensIn,
  tokensOut: runResults.tokensOut,
  cost: runResults.cost,
  attempts: runResults.attempts,
  error: runResults.error,
  errorKind: runResults.errorKind,
};

/** The task's question and truth, shown beside each result (read with `taskJoin`). */
export const taskColumns = { input: benchmarkTasks.input, truth: benchmarkTasks.truth };
export const taskJoin = (versionId: string) =>
  and(eq(benchmarkTasks.versionId, versionId), eq(benchmarkTasks.position, runResults.position));
type TaskColumns = { input: unknown; truth: unknown };

/** A result as the API and the export show it; `sample` counts from 0 everywhere (API, exports, UI). */
export function serializeResult(r: Pick<ResultRow, keyof typeof listColumns> & TaskColumns) {
  return {
    position: r.position,
    sample: r.sample,
    task_key: r.taskKey,
    question: r.input == null ? null : inputText(r.input as Task["input"]),
    truth: r.truth ?? null,
    subset: r.subset,
    status: r.status,
    response_text: r.responseText,
    parsed: r.parsed,
    passed: r.passed,
    score: r.score,
    scores: r.scores,
    latency_ms: r.latencyMs,
    tokens_in: r.tokensIn,
    tokens_out: r.tokensOut,
    cost: r.cost,
    attempts: r.attempts,
    error: r.error,
    error_kind: r.errorKind,
  };
}
export type ApiResult = ReturnType<typeof serializeResult>;

/** The WHERE clause for a run's results under the report's filters. */
export function resultWhere(runId: string, f: Partial<ResultFilters>): SQL {
  const conditions: (SQL | undefined)[] = [eq(runResults.runId, runId)];
  if (f.outcome === "error") conditions.push(ne(runResults.status, "ok"));
  else if (f.outcome) conditions.push(and(eq(runResults.status, "ok"), eq(runResults.passed, f.outcome === "correct")));
  if (f.subset) conditions.push(eq(runResults.subset, f.subset));
  if (f.q) conditions.push(or(containsText(runResults.responseText, f.q), containsText(runResults.taskKey, f.q)));
  if (f.scorer) {
    const result = sql`${runResults.scores} -> ${f.scorer}::text`;
    conditions.push(sql`${runResults.scores} ? ${f.scorer}::text`);
    if (f.pass) conditions.push(sql`${result} ->> 'pass' = ${f.pass}`);
    // Only numeric values compare; the CASE keeps the cast away from text values.
    const value = sql`(case when jsonb_typeof(${result} -> 'value') = 'number' then (${result} ->> 'value')::float8 end)`;
    if (f.min !== undefined) conditions.push(sql`${value} >= ${f.min}`);
    if (f.max !== undefined) conditions.push(sql`${value} <= ${f.max}`);
  }
  return and(...conditions) as SQL;
}

/** Sorted column first (missing values last), then task order in the same direction as a stable tie-break. */
export function resultOrder(f: Pick<ResultFilters, "sort" | "order">): SQL[] {
  const dir = f.order === "desc" ? sql`desc` : sql`asc`;
  const key = f.sort === "latency" ? runResults.latencyMs : f.sort === "score" ? runResults.score : null;
  const tail = [sql`${runResults.position} ${dir}`, sql`${runResults.sample} ${dir}`];
  return key ? [sql`${key} ${dir} nulls last`, ...tail] : tail;
}

/**
 * One page of a run's results. Without filters the total comes from the run's counters (they grow by
 * exactly the rows inserted), so the first page reads only its own rows.
 */
export async function listResults(ctx: ProjectCtx, runId: string, query: ResultFilters & Page) {
  const { run } = await getRunRow(ctx, runId);
  const where = resultWhere(run.id, query);
  const [items, total] = await Promise.all([
    db
      .select({ ...listColumns, ...taskColumns })
      .from(runResults)
      .leftJoin(benchmarkTasks, taskJoin(run.versionId))
      .where(where)
      .orderBy(...resultOrder(query))
      .limit(query.per_page)
      .offset((query.page - 1) * query.per_page),
    hasResultFilters(query)
      ? db
          .select({ n: count() })
          .from(runResults)
          .where(where)
          .then(([r]) => r?.n ?? 0)
      : run.doneItems + run.errorItems,
  ]);
  return { items: items.map(serializeResult), count: total, page: query.page, per_page: query.per_page };
}
