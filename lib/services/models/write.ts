import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { models, projectModels } from "@/db/schema";
import { type ProjectCtx, requireInstanceAdmin } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import { encryptSecret } from "@/lib/providers/secrets";
import { assertSafeUrl } from "@/lib/providers/url-safety";
import type { CreateModel, UpdateModel } from "@/lib/validation/models";
import { recordAudit } from "../audit";
import { projectList } from "../project-list";
import { getModelRow, visibleTo } from "./read";
import { serializeModel } from "./serialize";

/** Maps the API's snake_case fields to columns; the API key is encrypted and only its tail kept in clear. */
function columns(input: UpdateModel) {
  const out: Partial<typeof models.$inferInsert> = {
    name: input.name,
    description: input.description,
    endpointType: input.endpoint_type,
    apiUrl: input.api_url,
    providerModel: input.provider_model,
    maxTokens: input.max_tokens,
    extraPayload: input.extra_payload,
    simulation: input.simulation,
    priceInputPerM: input.price_input_per_m,
    priceOutputPerM: input.price_output_per_m,
    rpmLimit: input.rpm_limit,
    tpmLimit: input.tpm_limit,
    maxConcurrency: input.max_concurrency,
    contextWindow: input.context_window,
    company: input.company,
    architecture: input.architecture,
    parameterCount: input.parameter_count,
    modalities: input.modalities,
    categories: input.categories,
    regions: input.regions,
    license: input.license,
  };
  if (input.api_key !== undefined) {
    out.apiKeyCiphertext = input.api_key === null ? null : encryptSecret(input.api_key);
    out.apiKeyLast4 = input.api_key === null ? null : input.api_key.slice(-4);
  }
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as typeof out;
}

function conflict(error: unknown): never {
  if (uniqueViolation(error) === "models_key_key") throw AppError.field("key", "A model with this key already exists", "conflict");
  throw error;
}

export async function createModel(ctx: ProjectCtx, input: CreateModel) {
  if (input.visibility === "public") requireInstanceAdmin(ctx.actor);
  if (input.endpoint_type === "openai" && input.api_url) await assertSafeUrl(input.api_url);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(models)
        .values({
          ...columns(input),
          key: input.key,
          name: input.name,
          visibility: input.visibility,
          ownerProjectId: input.visibility === "custom" ? ctx.project.id : null,
          endpointType: input.endpoint_type,
          createdBy: ctx.actor.userId,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await tx.insert(projectModels).values({ projectId: ctx.project.id, modelId: row.id });
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "model.create",
        resourceType: "model",
        resourceId: row.id,
        details: { key: row.key },
      });
      return serializeModel(row, true);
    });
  } catch (error) {
    conflict(error);
  }
}

/** Custom models are managed by their project's admins; public catalog entries by instance admins. */
async function writableModel(ctx: ProjectCtx, id: string) {
  const { model } = await getModelRow(ctx, { id });
  if (model.visibility === "public") requireInstanceAdmin(ctx.actor);
  return model;
}

export async function updateModel(ctx: ProjectCtx, id: string, input: UpdateModel) {
  const model = await writableModel(ctx, id);
  if (input.api_url) await assertSafeUrl(input.api_url);
  // A catalog entry becomes runnable once it is given an endpoint; switching kind needs that kind's settings.
  const kind = input.endpoint_type ?? model.endpointType;
  if (kind === "openai" && !(input.api_url ?? model.apiUrl))
    throw AppError.field("api_url", "api_url is required for an OpenAI-compatible model");
  if (kind === "simulated" && !(input.simulation ?? model.simulation))
    throw AppError.field("simulation", "simulation settings are required for a simulated model");
  if (input.simulation && kind !== "simulated") throw AppError.field("simulation", "Only simulated models have simulation settings");
  const changes = columns(input);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(models)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(models.id, model.id))
      .returning();
    if (!row) throw new AppError("not_found", "Model not found");
    const changed = Object.keys(input).map((k) => (k === "api_key" ? (input.api_key ? "api_key (rotated)" : "api_key (removed)") : k));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "model.update",
      resourceType: "model",
      resourceId: row.id,
      details: { changed },
    });
    return serializeModel(row, true);
  });
}

/** Deleting disables: the model leaves lists and pickers, but runs that used it keep their reference. */
export async function deleteModel(ctx: ProjectCtx, id: string) {
  const model = await writableModel(ctx, id);
  await db.transaction(async (tx) => {
    await tx.update(models).set({ disabledAt: new Date(), updatedAt: new Date() }).where(eq(models.id, model.id));
    await tx.delete(projectModels).where(eq(projectModels.modelId, model.id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "model.delete",
      resourceType: "model",
      resourceId: model.id,
      details: { key: model.key },
    });
  });
}

const list = projectList({
  kind: "model",
  visible: async (ctx, ids) =>
    (
      await db
        .select({ id: models.id })
        .from(models)
        .where(and(inArray(models.id, ids), visibleTo(ctx)))
    ).map((r) => r.id),
  link: (tx, projectId, ids) =>
    tx
      .insert(projectModels)
      .values(ids.map((modelId) => ({ projectId, modelId })))
      .onConflictDoNothing(),
  unlink: (tx, projectId, ids) =>
    tx.delete(projectModels).where(and(eq(projectModels.projectId, projectId), inArray(projectModels.modelId, ids))),
});

export const addModelsToProject = list.add;
export const removeModelsFromProject = list.remove;
