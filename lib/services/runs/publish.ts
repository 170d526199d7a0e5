import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, models, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { getRun } from "./read";

/**
 * Puts a completed run of a public model on a public benchmark on the instance leaderboard (or takes it
 * off). Project admins decide, since the run's configuration and score become visible to every user.
 */
export async function setRunPublished(ctx: ProjectCtx, id: string, published: boolean) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ status: runs.status, modelVisibility: models.visibility, benchmarkVisibility: benchmarks.visibility })
      .from(runs)
      .innerJoin(models, eq(models.id, runs.modelId))
      .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
      .where(and(eq(runs.id, id), eq(runs.projectId, ctx.project.id)));
    if (!row) throw new AppError("not_found", "Run not found");
    if (published && row.status !== "completed") throw new AppError("conflict", "Only completed runs can be published");
    if (published && (row.modelVisibility !== "public" || row.benchmarkVisibility !== "public")) {
      throw new AppError("conflict", "Only runs of a public model on a public benchmark can be published");
    }
    await tx.update(runs).set({ publishedAt: published ? new Date() : null }).where(eq(runs.id, id));
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: published ? "run.publish" : "run.unpublish", resourceType: "run", resourceId: id });
  });
  return getRun(ctx, id);
}
