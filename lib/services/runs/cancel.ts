import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { ACTIVE_RUN_STATUSES, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { getRun } from "./read";

/** Workers check the status between result batches, so a cancel stops a run within seconds. */
export async function cancelRun(ctx: ProjectCtx, id: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(runs)
      .set({ status: "cancelled", cancelRequestedAt: new Date(), finishedAt: new Date() })
      .where(and(eq(runs.id, id), eq(runs.projectId, ctx.project.id), inArray(runs.status, [...ACTIVE_RUN_STATUSES])))
      .returning({ id: runs.id });
    if (!row) {
      await getRun(ctx, id);
      throw new AppError("conflict", "Only scheduled or running runs can be cancelled");
    }
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "run.cancel", resourceType: "run", resourceId: id });
  });
  return getRun(ctx, id);
}
