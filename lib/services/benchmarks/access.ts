import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { benchmarks, benchmarkVersions } from "@/db/schema";
import { type ProjectCtx, requireInstanceAdmin } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";

/** Benchmarks a project may see: public ones plus its own custom ones. */
export function visibleBenchmarks(ctx: ProjectCtx): SQL {
  return and(isNull(benchmarks.disabledAt), or(eq(benchmarks.visibility, "public"), eq(benchmarks.ownerProjectId, ctx.project.id))) as SQL;
}

export async function getBenchmarkRow(ctx: ProjectCtx, id: string, tx: Executor = db) {
  const [row] = await tx
    .select()
    .from(benchmarks)
    .where(and(eq(benchmarks.id, id), visibleBenchmarks(ctx)));
  if (!row) throw new AppError("not_found", "Benchmark not found");
  return row;
}

/** Custom benchmarks change through their own project; public ones only through an instance admin. */
export async function writableBenchmark(ctx: ProjectCtx, id: string, tx: Executor = db) {
  const row = await getBenchmarkRow(ctx, id, tx);
  if (row.visibility === "public") requireInstanceAdmin(ctx.actor);
  return row;
}

export async function getVersionRow(ctx: ProjectCtx, benchmarkId: string, number: number, tx: Executor = db) {
  await getBenchmarkRow(ctx, benchmarkId, tx);
  const [version] = await tx
    .select()
    .from(benchmarkVersions)
    .where(and(eq(benchmarkVersions.benchmarkId, benchmarkId), eq(benchmarkVersions.number, number)));
  if (!version) throw new AppError("not_found", `Version ${number} not found`);
  return version;
}
