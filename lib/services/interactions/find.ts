import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { interactions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { flushInteractions, isBuffered } from "./log-buffer";

export const unknownCompletion = (id: string, field: string) =>
  new AppError("not_found", `Completion ${id} not found`, [{ path: field, message: "unknown completion" }]);

/**
 * An interaction of this project (404 naming `field` otherwise). A gateway call is written within ~100 ms;
 * feedback sent sooner finds it still in this process's buffer, so flush that first.
 */
export async function findInteraction(ctx: ProjectCtx, id: string, field: string, tx: Executor = db) {
  if (isBuffered(id)) await flushInteractions();
  const [row] = await tx
    .select({ id: interactions.id, useCaseId: interactions.useCaseId, modelId: interactions.modelId })
    .from(interactions)
    .where(and(eq(interactions.id, id), eq(interactions.projectId, ctx.project.id)));
  if (!row) throw unknownCompletion(id, field);
  return row;
}
