import { db } from "@/db";
import { feedbackKeys } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { recordAudit } from "../audit";

/** The playground's thumbs up/down key; created (bool, higher is better) the first time anyone uses them. */
export async function ensureThumbsKey(ctx: ProjectCtx): Promise<void> {
  await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(feedbackKeys)
      .values({ projectId: ctx.project.id, key: "thumbs_up", kind: "bool", name: "Thumbs up", description: "Thumbs up (1) or down (0)" })
      .onConflictDoNothing()
      .returning({ id: feedbackKeys.id });
    if (created)
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "feedback_key.create",
        resourceType: "feedback_key",
        resourceId: created.id,
        details: { key: "thumbs_up", kind: "bool" },
      });
  });
}
