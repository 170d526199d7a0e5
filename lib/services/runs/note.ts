import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { UpdateRun } from "@/lib/validation/runs";
import { recordAudit } from "../audit";
import { getRun } from "./read";

/** Sets or clears (null or blank) a run's note; any run, whatever its status. */
export async function updateRun(ctx: ProjectCtx, id: string, input: UpdateRun) {
  const note = input.note || null;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(runs)
      .set({ note })
      .where(and(eq(runs.id, id), eq(runs.projectId, ctx.project.id)))
      .returning({ id: runs.id });
    if (!row) throw new AppError("not_found", "Run not found");
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "run.note", resourceType: "run", resourceId: id, details: { note } });
  });
  return getRun(ctx, id);
}
