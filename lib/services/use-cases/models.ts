import { and, eq, ne } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { useCaseModels } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { AttachModel, UpdateAttachedModel } from "@/lib/validation/use-cases";
import { recordAudit } from "../audit";
import { getModelRow } from "../models/read";
import { attachedModels, findUseCase } from "./read";
import { invalidateRouting } from "./routing";

export async function listAttachedModels(ctx: ProjectCtx, key: string) {
  const useCase = await findUseCase(ctx, key);
  return { items: (await attachedModels([useCase.id])).get(useCase.id) ?? [] };
}

export async function clearDefault(tx: Executor, useCaseId: string, except: string) {
  await tx
    .update(useCaseModels)
    .set({ isDefault: false })
    .where(and(eq(useCaseModels.useCaseId, useCaseId), ne(useCaseModels.modelId, except)));
}

async function attachedRow(tx: Executor, useCaseId: string, modelId: string) {
  const [row] = await tx
    .select()
    .from(useCaseModels)
    .where(and(eq(useCaseModels.useCaseId, useCaseId), eq(useCaseModels.modelId, modelId)));
  if (!row) throw new AppError("not_found", "This model is not attached to the use case");
  return row;
}

/** Attaches a runnable model (catalog with an endpoint, custom or simulated); the first one becomes the default. */
export async function attachModel(ctx: ProjectCtx, key: string, input: AttachModel) {
  const { model } = await getModelRow(ctx, { id: input.model_id }).catch(() => {
    throw AppError.field("model_id", "No such model in this project", "not_found");
  });
  if (model.endpointType === "none")
    throw AppError.field("model_id", "This catalog model needs an endpoint before it can serve traffic", "unprocessable");
  try {
    await db.transaction(async (tx) => {
      const useCase = await findUseCase(ctx, key, tx);
      const existing = await tx.select().from(useCaseModels).where(eq(useCaseModels.useCaseId, useCase.id));
      const isDefault = input.is_default ?? existing.length === 0;
      if (isDefault) await clearDefault(tx, useCase.id, model.id);
      await tx.insert(useCaseModels).values({
        useCaseId: useCase.id,
        modelId: model.id,
        isDefault,
        online: input.online,
        fallbackOrder: input.fallback_order ?? null,
      });
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "use_case.model_attach",
        resourceType: "use_case",
        resourceId: useCase.id,
        details: { model: model.key, is_default: isDefault, online: input.online },
      });
    });
  } catch (error) {
    if (uniqueViolation(error) === "use_case_models_use_case_id_model_id_pk")
      throw AppError.field("model_id", "This model is already attached to the use case", "conflict");
    throw error;
  }
  invalidateRouting(ctx.project.id);
  return listAttachedModels(ctx, key);
}

export async function updateAttachedModel(ctx: ProjectCtx, key: string, modelId: string, input: UpdateAttachedModel) {
  await db.transaction(async (tx) => {
    const useCase = await findUseCase(ctx, key, tx);
    const row = await attachedRow(tx, useCase.id, modelId);
    const isDefault = input.is_default ?? row.isDefault;
    const online = input.online ?? row.online;
    if (isDefault && !online)
      throw AppError.field(
        "online",
        "The default model must be online: switch it online, or make another model the default first",
        "conflict",
      );
    if (input.is_default && !row.isDefault) await clearDefault(tx, useCase.id, modelId);
    await tx
      .update(useCaseModels)
      .set({
        isDefault,
        online: input.online ?? row.online,
        fallbackOrder: input.fallback_order === undefined ? row.fallbackOrder : input.fallback_order,
      })
      .where(and(eq(useCaseModels.useCaseId, useCase.id), eq(useCaseModels.modelId, modelId)));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: input.is_default && !row.isDefault ? "use_case.default_model" : "use_case.model_update",
      resourceType: "use_case",
      resourceId: useCase.id,
      details: { model_id: modelId, ...input },
    });
  });
  invalidateRouting(ctx.project.id);
  return listAttachedModels(ctx, key);
}

/** Past interactions keep their model; the default can only go when it is the last model attached. */
export async function detachModel(ctx: ProjectCtx, key: string, modelId: string) {
  await db.transaction(async (tx) => {
    const useCase = await findUseCase(ctx, key, tx);
    const row = await attachedRow(tx, useCase.id, modelId);
    const others = await tx
      .select({ id: useCaseModels.modelId })
      .from(useCaseModels)
      .where(and(eq(useCaseModels.useCaseId, useCase.id), ne(useCaseModels.modelId, modelId)));
    if (row.isDefault && others.length) throw new AppError("conflict", "Make another model the default before detaching this one");
    await tx.delete(useCaseModels).where(and(eq(useCaseModels.useCaseId, useCase.id), eq(useCaseModels.modelId, modelId)));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "use_case.model_detach",
      resourceType: "use_case",
      resourceId: useCase.id,
      details: { model_id: modelId },
    });
  });
  invalidateRouting(ctx.project.id);
}
