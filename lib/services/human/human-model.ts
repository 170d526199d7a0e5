import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";

/**
 * The signed-in user's *human* model in this project, created on first use: a custom model the worker never
 * calls, so a person's answers are stored, reported and ranked as an ordinary run of it.
 */
export async function humanModelFor(ctx: ProjectCtx, tx: Executor) {
  const mine = and(eq(models.ownerProjectId, ctx.project.id), eq(models.endpointType, "human"), eq(models.createdBy, ctx.actor.userId));
  const [existing] = await tx.select().from(models).where(mine).limit(1);
  if (existing) return existing;
  const [created] = await tx
    .insert(models)
    .values({
      key: `human-${ctx.project.key}-${ctx.actor.username}-${ctx.actor.userId.slice(0, 8)}`,
      name: `${ctx.actor.username} (human)`,
      description: `Human baseline: ${ctx.actor.username}'s own answers, taken in the browser`,
      visibility: "custom",
      ownerProjectId: ctx.project.id,
      endpointType: "human",
      createdBy: ctx.actor.userId,
    })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  // A concurrent first session created it.
  const [raced] = await tx.select().from(models).where(mine).limit(1);
  if (!raced) throw new Error("human model vanished");
  return raced;
}
