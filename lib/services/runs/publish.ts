import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { benchmarks, models, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { getRun } from "./read";

async function publishState(ctx: ProjectCtx, id: string, tx: Executor = db) {
  const [row] = await tx
    .select({ status: runs.status, modelVisibility: models.visibility, benchmarkVisibility: benchmarks.visibility })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .where(and(eq(runs.id, id), eq(runs.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Run not found");
  return { completed: row.status === "completed", publicPair: row.modelVisibility === "public" && row.benchmarkVisibility === "public" };
}

/** Whether the run may go on the instance leaderboard: completed, of a public model on a public benchmark. */
export async function canPublish(ctx: ProjectCtx, id: string): Promise<boolean> {
  const state = await publishState(ctx, id);
  return state.completed && state.publicPair;
}

/**
 * Puts a completed run of a public model on a public benchmark on the instance leaderboard (or takes it
 * off). Project admins decide, since the run's configuration and score become visible to every user.
 */
export async function setRunPublished(ctx: ProjectCtx, id: string, published: boolean) {
  await db.transaction(async (tx) => {
    const state = await publishState(ctx, id, tx);
    if (published && !state.completed) throw new AppError("conflict", "Only completed runs can be published");
    if (published && !state.publicPair)
      throw new AppError("conflict", "Only runs of a public model on a public benchmark can be published");
    await tx
      .update(runs)
      .set({ publishedAt: published ? new Date() : null })
      .where(eq(runs.id, id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: published ? "run.publish" : "run.unpublish",
      resourceType: "run",
      resourceId: id,
    });
  });
  return getRun(ctx, id);
}
