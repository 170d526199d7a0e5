import type { ProjectCtx } from "@/lib/auth/context";
import { atLeast } from "@/lib/auth/roles";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkTasks } from "@/db/schema";
import { tasksToJsonl } from "@/lib/benchmarks/export";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { Task } from "@/lib/benchmarks/task";
import { validateRows } from "@/lib/benchmarks/validate";
import { AppError } from "@/lib/errors";
import type { ImportSettings } from "@/lib/validation/benchmarks";
import { getVersionRow, writableBenchmark } from "./access";
import { importBenchmark } from "./import";
import { openImport } from "./mapper";
import { getTask, versionTasks } from "./read";

async function hasParaphrases(versionId: string, position: number): Promise<boolean> {
  const [row] = await db
    .select({ p: benchmarkTasks.paraphrases })
    .from(benchmarkTasks)
    .where(and(eq(benchmarkTasks.versionId, versionId), eq(benchmarkTasks.position, position)));
  return Array.isArray(row?.p) && row.p.length > 0;
}

async function* encode(tasks: AsyncIterable<Task>): ByteSource {
  for await (const line of tasksToJsonl(tasks)) yield Buffer.from(line);
}

/**
 * Every edit makes a new version: the parent's tasks, transformed, go through the same import path as
 * an upload (validation, content hash, one transaction), so derived versions obey the same rules.
 */
async function derive(
  ctx: ProjectCtx,
  benchmarkId: string,
  number: number,
  change: string,
  tasks: (parent: AsyncIterable<Task>) => AsyncIterable<Task>,
) {
  await writableBenchmark(ctx, benchmarkId);
  const parent = await getVersionRow(ctx, benchmarkId, number);
  const result = await importBenchmark(
    ctx,
    { benchmarkId },
    encode(tasks(versionTasks(parent.id))),
    { dry_run: false, format: "jsonl" },
    { change },
  );
  if (!result.created) throw new AppError("conflict", `Nothing changed: the result equals version ${result.version?.number}`);
  return result;
}

export async function redactTasks(ctx: ProjectCtx, benchmarkId: string, number: number, positions: number[], redacted: boolean) {
  const wanted = new Set(positions);
  const verb = redacted ? "Redacted" : "Unredacted";
  return derive(
    ctx,
    benchmarkId,
    number,
    `${verb} ${wanted.size} task${wanted.size === 1 ? "" : "s"} of v${number}`,
    async function* (parent) {
      let position = 0;
      for await (const task of parent) {
        position += 1;
        yield wanted.has(position) ? { ...task, redacted } : task;
      }
    },
  );
}

export async function editTask(ctx: ProjectCtx, benchmarkId: string, number: number, position: number, replacement: Task) {
  const version = await getVersionRow(ctx, benchmarkId, number);
  if (position > version.taskCount) throw AppError.field("position", `Version ${number} has ${version.taskCount} tasks`, "not_found");
  // Non-admins never see a paraphrased task's original, so they cannot edit it without losing it.
  const current = await getTask(ctx, benchmarkId, number, position);
  if (current.paraphrases === undefined && !atLeast(ctx.role, "admin") && (await hasParaphrases(version.id, position))) {
    throw new AppError("forbidden", "Only project admins can edit tasks that have paraphrases");
  }
  return derive(ctx, benchmarkId, number, `Edited task ${position} of v${number}`, async function* (parent) {
    let i = 0;
    for await (const task of parent) {
      i += 1;
      yield i === position ? replacement : task;
    }
  });
}

/** Appends rows in any accepted format; rows with errors are reported and skipped, like an upload. */
export async function appendRows(
  ctx: ProjectCtx,
  benchmarkId: string,
  number: number,
  source: ByteSource,
  settings: ImportSettings,
  maxBytes?: number,
) {
  await writableBenchmark(ctx, benchmarkId);
  const opened = await openImport(source, settings, maxBytes);
  const added = await validateRows(opened.rows, opened.mapper, { format: opened.format, keepTasks: true });
  if (added.valid === 0) {
    throw new AppError(
      "unprocessable",
      "No valid rows to append",
      added.errors.slice(0, 20).flatMap((e) => e.errors.map((i) => ({ path: `row ${e.row}`, message: i.message }))),
    );
  }
  if (settings.dry_run)
    return { dry_run: true, created: false, benchmark: null, version: null, validation: { ...added, tasks: undefined } };
  const result = await derive(ctx, benchmarkId, number, `Appended ${added.valid} tasks to v${number}`, async function* (parent) {
    yield* parent;
    yield* added.tasks;
  });
  return { ...result, validation: { ...added, tasks: undefined } };
}
