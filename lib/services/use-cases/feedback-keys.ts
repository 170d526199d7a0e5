import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { useCaseFeedbackKeys } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { findFeedbackKey } from "../feedback/keys";
import { findUseCase, getUseCase } from "./read";

export async function linkFeedbackKey(ctx: ProjectCtx, key: string, feedbackKey: string) {
  await db.transaction(async (tx) => {
    const useCase = await findUseCase(ctx, key, tx);
    const fk = await findFeedbackKey(ctx, feedbackKey, tx, "feedback_key");
    const inserted = await tx
      .insert(useCaseFeedbackKeys)
      .values({ useCaseId: useCase.id, feedbackKeyId: fk.id })
      .onConflictDoNothing()
      .returning();
    if (inserted.length)
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "use_case.feedback_key_link",
        resourceType: "use_case",
        resourceId: useCase.id,
        details: { feedback_key: fk.key },
      });
  });
  return getUseCase(ctx, key);
}

export async function unlinkFeedbackKey(ctx: ProjectCtx, key: string, feedbackKey: string) {
  await db.transaction(async (tx) => {
    const useCase = await findUseCase(ctx, key, tx);
    const fk = await findFeedbackKey(ctx, feedbackKey, tx, "feedback_key");
    const deleted = await tx
      .delete(useCaseFeedbackKeys)
      .where(and(eq(useCaseFeedbackKeys.useCaseId, useCase.id), eq(useCaseFeedbackKeys.feedbackKeyId, fk.id)))
      .returning();
    if (!deleted.length) throw AppError.field("feedback_key", "This feedback key is not linked to the use case", "not_found");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "use_case.feedback_key_unlink",
      resourceType: "use_case",
      resourceId: useCase.id,
      details: { feedback_key: fk.key },
    });
  });
  return getUseCase(ctx, key);
}
