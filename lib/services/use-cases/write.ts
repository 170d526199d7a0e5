import { eq } from "drizzle-orm";
import { db } from "@/db";
import { useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { CreateUseCase, UpdateUseCase } from "@/lib/validation/use-cases";
import { recordAudit } from "../audit";
import { findUseCase, getUseCase } from "./read";
import { invalidateRouting } from "./routing";

export async function createUseCase(ctx: ProjectCtx, input: CreateUseCase) {
  try {
    await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(useCases)
        .values({ projectId: ctx.project.id, key: input.key, name: input.name ?? input.key, description: input.description })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "use_case.create",
        resourceType: "use_case",
        resourceId: row.id,
        details: { key: row.key },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) === "use_cases_project_key")
      throw AppError.field("key", "A use case with this key already exists", "conflict");
    throw error;
  }
  invalidateRouting(ctx.project.id);
  return getUseCase(ctx, input.key);
}

export async function updateUseCase(ctx: ProjectCtx, key: string, input: UpdateUseCase) {
  await db.transaction(async (tx) => {
    const row = await findUseCase(ctx, key, tx);
    await tx
      .update(useCases)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(useCases.id, row.id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "use_case.update",
      resourceType: "use_case",
      resourceId: row.id,
      details: input,
    });
  });
  return getUseCase(ctx, key);
}

/** Deletes the use case with its interactions and feedback. */
export async function deleteUseCase(ctx: ProjectCtx, key: string) {
  await db.transaction(async (tx) => {
    const row = await findUseCase(ctx, key, tx);
    await tx.delete(useCases).where(eq(useCases.id, row.id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "use_case.delete",
      resourceType: "use_case",
      resourceId: row.id,
      details: { key },
    });
  });
  invalidateRouting(ctx.project.id);
}
