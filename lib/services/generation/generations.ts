import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { benchmarkGenerations, models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { documentText } from "@/lib/generation/document-text";
import { splitPassages } from "@/lib/generation/passages";
import { enqueueGeneration } from "@/lib/jobs/queue";
import type { CreateGeneration, ReviewGeneration } from "@/lib/validation/generation";
import type { z } from "zod";
import { recordAudit } from "../audit";
import { getModelRow, visibleTo } from "../models/read";

type Row = typeof benchmarkGenerations.$inferSelect;

/** A generation as the API and UI show it: the document's text stays on the server (it can be megabytes). */
export function serializeGeneration(g: Row & { modelName: string }) {
  return {
    id: g.id,
    status: g.status,
    model: { id: g.modelId, name: g.modelName },
    document_name: g.documentName,
    document_chars: g.documentText.length,
    count: g.spec.count,
    types: g.spec.types,
    progress: { done: g.doneSteps, total: g.totalSteps },
    tasks: g.tasks,
    rejected: g.rejected,
    error: g.error,
    benchmark_id: g.benchmarkId,
    created_at: g.createdAt.toISOString(),
    updated_at: g.updatedAt.toISOString(),
  };
}
export type ApiGeneration = ReturnType<typeof serializeGeneration>;

const withModel = () =>
  db
    .select({ generation: benchmarkGenerations, modelName: models.name })
    .from(benchmarkGenerations)
    .innerJoin(models, eq(models.id, benchmarkGenerations.modelId));

export async function getGenerationRow(ctx: ProjectCtx, id: string) {
  const [row] = await withModel().where(and(eq(benchmarkGenerations.id, id), eq(benchmarkGenerations.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Generation not found");
  return { ...row.generation, modelName: row.modelName };
}

export async function getGeneration(ctx: ProjectCtx, id: string) {
  return serializeGeneration(await getGenerationRow(ctx, id));
}

export async function listGenerations(ctx: ProjectCtx) {
  const rows = await withModel()
    .where(eq(benchmarkGenerations.projectId, ctx.project.id))
    .orderBy(desc(benchmarkGenerations.createdAt))
    .limit(100);
  return rows.map((r) => serializeGeneration({ ...r.generation, modelName: r.modelName }));
}

/** Reads the document, checks the generator can run, stores both and queues the generation. */
export async function createGeneration(ctx: ProjectCtx, input: CreateGeneration) {
  const { model } = await getModelRow(ctx, { id: input.model_id });
  if (model.endpointType !== "openai" && model.endpointType !== "simulated")
    throw AppError.field("model_id", `${model.name} cannot generate: it needs an endpoint (or be a simulated model)`, "unprocessable");
  const text = await documentText(input.document.name, Buffer.from(input.document.content_base64, "base64")).catch(() => {
    throw AppError.field(
      "document",
      "The document could not be read: upload UTF-8 text, Markdown or a PDF with a text layer",
      "unprocessable",
    );
  });
  if (splitPassages(text).length === 0)
    throw AppError.field("document", "The document has no text to generate tasks from", "unprocessable");
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(benchmarkGenerations)
      .values({
        projectId: ctx.project.id,
        modelId: model.id,
        documentName: input.document.name,
        documentText: text,
        spec: { count: input.count, types: input.types },
        createdBy: ctx.actor.userId,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "generation.create",
      resourceType: "benchmark_generation",
      resourceId: created.id,
      details: { model: model.key, document: input.document.name, count: input.count, types: input.types },
    });
    return created;
  });
  await enqueueGeneration(row.id);
  return serializeGeneration({ ...row, modelName: model.name });
}

/** Saves the review: edited tasks, accepted or not; tasks left out are deleted. Only once generation finished. */
export async function reviewGeneration(ctx: ProjectCtx, id: string, input: z.infer<typeof ReviewGeneration>) {
  const row = await getGenerationRow(ctx, id);
  if (row.status !== "completed") throw new AppError("conflict", `This generation is ${row.status}; only a completed one can be reviewed`);
  const known = new Set(row.tasks.map((t) => t.id));
  const unknown = input.tasks.findIndex((t) => !known.has(t.id));
  if (unknown >= 0) throw AppError.field(`tasks.${unknown}.id`, "Not a task of this generation");
  await db.transaction(async (tx) => {
    await tx.update(benchmarkGenerations).set({ tasks: input.tasks, updatedAt: new Date() }).where(eq(benchmarkGenerations.id, row.id));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "generation.review",
      resourceType: "benchmark_generation",
      resourceId: row.id,
      details: {
        tasks: input.tasks.length,
        accepted: input.tasks.filter((t) => t.accepted).length,
        deleted: row.tasks.length - input.tasks.length,
      },
    });
  });
  return getGeneration(ctx, id);
}

/** Models that can write tasks: those with an endpoint, and the simulated ones. */
export async function generatorModels(ctx: ProjectCtx) {
  return db
    .select({ id: models.id, name: models.name })
    .from(models)
    .where(and(visibleTo(ctx), inArray(models.endpointType, ["openai", "simulated"])))
    .orderBy(asc(models.name));
}
