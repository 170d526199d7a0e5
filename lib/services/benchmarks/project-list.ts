import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, projectBenchmarks } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { visibleBenchmarks } from "./access";

async function assertVisible(ctx: ProjectCtx, ids: string[]) {
  const found = await db.select({ id: benchmarks.id }).from(benchmarks).where(and(inArray(benchmarks.id, ids), visibleBenchmarks(ctx)));
  const missing = ids.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw AppError.field("benchmark_ids", `Unknown benchmark id: ${missing.join(", ")}`, "not_found");
}

export async function addBenchmarksToProject(ctx: ProjectCtx, ids: string[]) {
  await assertVisible(ctx, ids);
  await db.transaction(async (tx) => {
    await tx.insert(projectBenchmarks).values(ids.map((benchmarkId) => ({ projectId: ctx.project.id, benchmarkId }))).onConflictDoNothing();
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "project.benchmarks.add", resourceType: "benchmark", details: { benchmark_ids: ids } });
  });
}

export async function removeBenchmarksFromProject(ctx: ProjectCtx, ids: string[]) {
  await assertVisible(ctx, ids);
  await db.transaction(async (tx) => {
    await tx.delete(projectBenchmarks).where(and(eq(projectBenchmarks.projectId, ctx.project.id), inArray(projectBenchmarks.benchmarkId, ids)));
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "project.benchmarks.remove", resourceType: "benchmark", details: { benchmark_ids: ids } });
  });
}
