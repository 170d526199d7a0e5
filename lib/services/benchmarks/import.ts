import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { benchmarks, benchmarkVersions, projectBenchmarks } from "@/db/schema";
import { type ProjectCtx, requireInstanceAdmin } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { Task } from "@/lib/benchmarks/task";
import { validateRows, type ValidationResult } from "@/lib/benchmarks/validate";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { BenchmarkFields, ImportSettings } from "@/lib/validation/benchmarks";
import type { z } from "zod";
import { recordAudit } from "../audit";
import { openImport } from "./mapper";
import { openTaskCopy } from "./copy-tasks";
import { createKeyAssigner, createStats, toRow } from "./task-rows";
import { writableBenchmark } from "./access";

export type ImportProgress = { phase: "validating" | "importing"; rows: number };
export type ImportTarget = { create: z.infer<typeof BenchmarkFields> } | { benchmarkId: string };

export type ImportResult = {
  dry_run: boolean;
  created: boolean;
  benchmark: { id: string; key: string } | null;
  version: { id: string; number: number; task_count: number } | null;
  validation: Omit<ValidationResult, "tasks">;
};

class DuplicateContent extends Error {
  constructor(
    readonly version: { id: string; number: number; taskCount: number },
    readonly result: ValidationResult,
  ) {
    super("duplicate content");
  }
}

function summary(result: ValidationResult): Omit<ValidationResult, "tasks"> {
  const { tasks: _, ...rest } = result;
  return rest;
}

async function nextNumber(tx: Executor, benchmarkId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${benchmarkVersions.number}), 0)::int` })
    .from(benchmarkVersions)
    .where(eq(benchmarkVersions.benchmarkId, benchmarkId));
  return (row?.n ?? 0) + 1;
}

async function createBenchmark(tx: Executor, ctx: ProjectCtx, fields: z.infer<typeof BenchmarkFields>) {
  if (fields.visibility === "public") requireInstanceAdmin(ctx.actor);
  try {
    const [row] = await tx
      .insert(benchmarks)
      .values({ ...fields, ownerProjectId: fields.visibility === "custom" ? ctx.project.id : null, createdBy: ctx.actor.userId })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await tx.insert(projectBenchmarks).values({ projectId: ctx.project.id, benchmarkId: row.id });
    return row;
  } catch (error) {
    if (uniqueViolation(error) === "benchmarks_key_key")
      throw AppError.field("key", "A benchmark with this key already exists", "conflict");
    throw error;
  }
}

/**
 * Validates a file and, unless it is a dry run, imports its good rows as a new version in one
 * transaction: all good rows or nothing. Tasks stream into the database in batches as they are read.
 * A file whose content equals an existing version changes nothing and returns that version.
 */
export async function importBenchmark(
  ctx: ProjectCtx,
  target: ImportTarget,
  source: ByteSource,
  settings: ImportSettings,
  options: { onProgress?: (p: ImportProgress) => void; maxBytes?: number; change?: string } = {},
): Promise<ImportResult> {
  const opened = await openImport(source, settings, options.maxBytes);
  let rowsSeen = 0;
  const progress = (phase: ImportProgress["phase"]) => {
    rowsSeen += 1;
    if (rowsSeen % 1000 === 0) options.onProgress?.({ phase, rows: rowsSeen });
  };
  if (settings.dry_run) {
    if ("benchmarkId" in target) await writableBenchmark(ctx, target.benchmarkId);
    const result = await validateRows(opened.rows, opened.mapper, {
      format: opened.format,
      keepTasks: false,
      onTask: () => progress("validating"),
    });
    return { dry_run: true, created: false, benchmark: null, version: null, validation: summary(result) };
  }
  try {
    return await db.transaction(async (tx) => {
      const benchmark =
        "create" in target ? await createBenchmark(tx, ctx, target.create) : await writableBenchmark(ctx, target.benchmarkId, tx);
      await tx.execute(sql`select 1 from ${benchmarks} where ${benchmarks.id} = ${benchmark.id} for update`);
      const number = await nextNumber(tx, benchmark.id);
      const [version] = await tx
        .insert(benchmarkVersions)
        .values({
          benchmarkId: benchmark.id,
          number,
          contentHash: `pending:${crypto.randomUUID()}`,
          taskCount: 0,
          format: `${opened.format}/${opened.shape}`,
          source: settings.filename ?? null,
          mapping: opened.mapping,
          changes: "",
          stats: { types: {}, subsets: {}, redacted: 0 },
          createdBy: ctx.actor.userId,
        })
        .returning();
      if (!version) throw new Error("insert returned no row");
      const keyOf = createKeyAssigner();
      const stats = createStats();
      const copy = await openTaskCopy(tx);
      let position = 0;
      let result: ValidationResult;
      try {
        result = await validateRows(opened.rows, opened.mapper, {
          format: opened.format,
          keepTasks: false,
          onTask: async (task: Task) => {
            position += 1;
            stats.add(task);
            await copy.write(toRow(task, version.id, position, keyOf(task)));
            progress("importing");
          },
        });
        await copy.end();
      } catch (error) {
        copy.abort(error as Error);
        throw error;
      }
      if (result.valid === 0) {
        throw new AppError(
          "unprocessable",
          "No valid rows to import",
          result.errors.slice(0, 20).flatMap((e) => e.errors.map((i) => ({ path: `row ${e.row}`, message: i.message }))),
        );
      }
      const [existing] = await tx
        .select({ id: benchmarkVersions.id, number: benchmarkVersions.number, taskCount: benchmarkVersions.taskCount })
        .from(benchmarkVersions)
        .where(and(eq(benchmarkVersions.benchmarkId, benchmark.id), eq(benchmarkVersions.contentHash, result.contentHash)));
      if (existing) throw new DuplicateContent(existing, result);
      const changes = options.change ?? (number === 1 ? `Imported ${result.valid} tasks` : `Uploaded ${result.valid} tasks`);
      await tx
        .update(benchmarkVersions)
        .set({
          contentHash: result.contentHash,
          taskCount: result.valid,
          stats: stats.stats,
          changes,
          runnable: result.notRunnable < result.valid,
        })
        .where(eq(benchmarkVersions.id, version.id));
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "benchmark.version.create",
        resourceType: "benchmark",
        resourceId: benchmark.id,
        details: { number, tasks: result.valid, skipped: result.errorRows },
      });
      return {
        dry_run: false,
        created: true,
        benchmark: { id: benchmark.id, key: benchmark.key },
        version: { id: version.id, number, task_count: result.valid },
        validation: summary(result),
      };
    });
  } catch (error) {
    if (!(error instanceof DuplicateContent)) throw error;
    // Only an existing benchmark can already hold this content.
    const benchmark = "benchmarkId" in target ? await writableBenchmark(ctx, target.benchmarkId) : null;
    return {
      dry_run: false,
      created: false,
      benchmark: benchmark ? { id: benchmark.id, key: benchmark.key } : null,
      version: { id: error.version.id, number: error.version.number, task_count: error.version.taskCount },
      validation: summary(error.result),
    };
  }
}
