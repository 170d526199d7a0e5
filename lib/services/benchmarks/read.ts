import { and, arrayOverlaps, asc, count, desc, eq, gt, sql, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkTasks, benchmarkVersions, projectBenchmarks } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { atLeast } from "@/lib/auth/roles";
import { renderPrompt } from "@/lib/benchmarks/render";
import type { Task } from "@/lib/benchmarks/task";
import { AppError } from "@/lib/errors";
import type { Page, Paginated } from "@/lib/http/pagination";
import type { ListBenchmarks, ListTasks } from "@/lib/validation/benchmarks";
import { containsText } from "../search";
import { getBenchmarkRow, getVersionRow, visibleBenchmarks } from "./access";
import { fromRow } from "./task-rows";
import { hasAllTags, tagsOf } from "../tags/read";

// drizzle renders columns unqualified inside single-table selects, and an unqualified "id" in these
// subqueries would bind to the inner table, so the outer benchmark is named explicitly.
const outerId = sql.raw(`"benchmarks"."id"`);

const inProject = (projectId: string) =>
  sql<boolean>`exists (select 1 from ${projectBenchmarks} pb where pb.project_id = ${projectId} and pb.benchmark_id = ${outerId})`;

const latestVersion = sql<{ number: number; task_count: number; runnable: boolean; created_at: string } | null>`(
  select json_build_object('number', v.number, 'task_count', v.task_count, 'runnable', v.runnable, 'created_at', v.created_at)
  from ${benchmarkVersions} v where v.benchmark_id = ${outerId} order by v.number desc limit 1)`;

export async function listBenchmarks(ctx: ProjectCtx, filters: ListBenchmarks, page: Page) {
  const conditions: (SQL | undefined)[] = [visibleBenchmarks(ctx)];
  if (filters.type) conditions.push(eq(benchmarks.visibility, filters.type));
  if (filters.name) conditions.push(containsText(benchmarks.name, filters.name));
  if (filters.key) conditions.push(containsText(benchmarks.key, filters.key));
  if (filters.categories?.length) conditions.push(arrayOverlaps(benchmarks.categories, filters.categories));
  if (filters.languages?.length) conditions.push(arrayOverlaps(benchmarks.languages, filters.languages));
  if (filters.in_project)
    conditions.push(filters.in_project === "true" ? inProject(ctx.project.id) : sql`not ${inProject(ctx.project.id)}`);
  if (filters.task_type) {
    conditions.push(
      sql`exists (select 1 from ${benchmarkVersions} v where v.benchmark_id = ${outerId} and (v.stats->'types') ? ${filters.task_type})`,
    );
  }
  conditions.push(hasAllTags(ctx, "benchmark", outerId, filters.tag));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ benchmark: benchmarks, inProject: inProject(ctx.project.id), latest: latestVersion })
      .from(benchmarks)
      .where(where)
      .orderBy(asc(benchmarks.name))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(benchmarks).where(where),
  ]);
  const tags = await tagsOf(
    ctx,
    "benchmark",
    rows.map((r) => r.benchmark.id),
  );
  return {
    items: rows.map((r) => ({
      ...serializeBenchmark(r.benchmark),
      in_project: r.inProject,
      latest_version: r.latest,
      tags: tags.get(r.benchmark.id) ?? [],
    })),
    count: total?.n ?? 0,
    page: page.page,
    per_page: page.per_page,
  };
}

export function serializeBenchmark(b: typeof benchmarks.$inferSelect) {
  return {
    id: b.id,
    key: b.key,
    name: b.name,
    description: b.description,
    categories: b.categories,
    languages: b.languages,
    type: b.visibility,
    owner_project_id: b.ownerProjectId,
    defaults: b.defaults,
    created_at: b.createdAt.toISOString(),
  };
}

export function serializeVersion(v: typeof benchmarkVersions.$inferSelect) {
  return {
    id: v.id,
    number: v.number,
    task_count: v.taskCount,
    format: v.format,
    source: v.source,
    mapping: v.mapping,
    changes: v.changes,
    runnable: v.runnable,
    stats: v.stats,
    content_hash: v.contentHash,
    created_at: v.createdAt.toISOString(),
  };
}

export async function getBenchmark(ctx: ProjectCtx, id: string) {
  const benchmark = await getBenchmarkRow(ctx, id);
  const versions = await db
    .select()
    .from(benchmarkVersions)
    .where(eq(benchmarkVersions.benchmarkId, id))
    .orderBy(desc(benchmarkVersions.number));
  return { ...serializeBenchmark(benchmark), versions: versions.map(serializeVersion) };
}

/**
 * Paraphrased originals are visible only to project admins; others see what models see. Every
 * read (task API, downloads, expression tests) goes through this.
 */
export function visibleTask(ctx: ProjectCtx, task: Task): Task {
  if (atLeast(ctx.role, "admin")) return task;
  return {
    ...task,
    input: task.paraphrases?.length ? renderPrompt(task, 0).messages : task.input,
    paraphrases: undefined,
    answer_paraphrases: undefined,
  };
}

function present(ctx: ProjectCtx, row: typeof benchmarkTasks.$inferSelect) {
  return { position: row.position, task_key: row.taskKey, ...visibleTask(ctx, fromRow(row)) };
}

export type PresentedTask = ReturnType<typeof present>;

export async function listTasks(
  ctx: ProjectCtx,
  benchmarkId: string,
  number: number,
  filters: ListTasks,
  page: Page,
): Promise<Paginated<PresentedTask>> {
  const version = await getVersionRow(ctx, benchmarkId, number);
  const conditions: (SQL | undefined)[] = [eq(benchmarkTasks.versionId, version.id)];
  if (filters.q) {
    conditions.push(containsText(benchmarkTasks.searchText, filters.q.toLowerCase()));
    // The search text holds the original question: searching it must not confirm hidden originals.
    if (!atLeast(ctx.role, "admin")) conditions.push(sql`jsonb_array_length(coalesce(${benchmarkTasks.paraphrases}, '[]'::jsonb)) = 0`);
  }
  if (filters.subset) conditions.push(eq(benchmarkTasks.subset, filters.subset));
  if (filters.type) conditions.push(eq(benchmarkTasks.type, filters.type));
  if (filters.redacted) conditions.push(eq(benchmarkTasks.redacted, filters.redacted === "true"));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(benchmarkTasks)
      .where(where)
      .orderBy(asc(benchmarkTasks.position))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(benchmarkTasks).where(where),
  ]);
  return { items: rows.map((r) => present(ctx, r)), count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}

/** Llama Stack-style iteration: rows from start_index, with has_more. */
export async function iterateRows(ctx: ProjectCtx, benchmarkId: string, number: number, startIndex: number, limit: number) {
  const version = await getVersionRow(ctx, benchmarkId, number);
  const rows = await db
    .select()
    .from(benchmarkTasks)
    .where(and(eq(benchmarkTasks.versionId, version.id), gt(benchmarkTasks.position, startIndex)))
    .orderBy(asc(benchmarkTasks.position))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page.map((r) => present(ctx, r)), has_more: rows.length > limit, next_start_index: startIndex + page.length };
}

/** One task with exactly the messages a model receives (seed 0 for choice order and paraphrase). */
export async function getTask(ctx: ProjectCtx, benchmarkId: string, number: number, position: number) {
  const version = await getVersionRow(ctx, benchmarkId, number);
  const [row] = await db
    .select()
    .from(benchmarkTasks)
    .where(and(eq(benchmarkTasks.versionId, version.id), eq(benchmarkTasks.position, position)));
  if (!row) throw new AppError("not_found", `Task ${position} not found`);
  return { ...present(ctx, row), model_sees: renderPrompt(fromRow(row), 0) };
}

/** A version's tasks as the caller may see them, for downloads. */
export async function* visibleVersionTasks(ctx: ProjectCtx, versionId: string): AsyncGenerator<Task> {
  for await (const task of versionTasks(versionId)) yield visibleTask(ctx, task);
}

/** Streams a version's tasks in position order, in pages, for export and re-hashing. */
export async function* versionTasks(versionId: string, pageSize = 2000): AsyncGenerator<Task> {
  for (let after = 0; ; ) {
    const rows = await db
      .select()
      .from(benchmarkTasks)
      .where(and(eq(benchmarkTasks.versionId, versionId), gt(benchmarkTasks.position, after)))
      .orderBy(asc(benchmarkTasks.position))
      .limit(pageSize);
    for (const row of rows) yield fromRow(row);
    if (rows.length < pageSize) return;
    after = rows.at(-1)?.position ?? after;
  }
}
