import { and, asc, count, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { feedbackKeys, models, useCaseFeedbackKeys, useCaseModels, useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page, Paginated } from "@/lib/http/pagination";

export type UseCaseRow = typeof useCases.$inferSelect;

export async function findUseCase(ctx: ProjectCtx, key: string, tx: Executor = db): Promise<UseCaseRow> {
  const [row] = await tx
    .select()
    .from(useCases)
    .where(and(eq(useCases.projectId, ctx.project.id), eq(useCases.key, key)));
  if (!row) throw new AppError("not_found", `Use case "${key}" not found`);
  return row;
}

/** The named use case, or the project's only one when no key is given (then `field` is named in the error). */
export async function resolveUseCase(ctx: ProjectCtx, key: string | undefined, field = "use_case"): Promise<UseCaseRow> {
  if (key) return findUseCase(ctx, key);
  const rows = await db.select().from(useCases).where(eq(useCases.projectId, ctx.project.id)).limit(2);
  if (rows.length === 1) return rows[0] as UseCaseRow;
  throw AppError.field(field, rows.length ? `${field} is required: the project has several use cases` : "The project has no use case yet");
}

export type AttachedModel = {
  model_id: string;
  key: string;
  name: string;
  endpoint_type: string;
  is_default: boolean;
  online: boolean;
  fallback_order: number | null;
};

export async function attachedModels(useCaseIds: string[]): Promise<Map<string, AttachedModel[]>> {
  const out = new Map<string, AttachedModel[]>();
  if (!useCaseIds.length) return out;
  const rows = await db
    .select({ useCaseId: useCaseModels.useCaseId, link: useCaseModels, model: models })
    .from(useCaseModels)
    .innerJoin(models, eq(models.id, useCaseModels.modelId))
    .where(inArray(useCaseModels.useCaseId, useCaseIds))
    .orderBy(asc(useCaseModels.createdAt));
  for (const { useCaseId, link, model } of rows) {
    const list = out.get(useCaseId) ?? [];
    list.push({
      model_id: model.id,
      key: model.key,
      name: model.name,
      endpoint_type: model.endpointType,
      is_default: link.isDefault,
      online: link.online,
      fallback_order: link.fallbackOrder,
    });
    out.set(useCaseId, list);
  }
  return out;
}

async function linkedKeys(useCaseIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!useCaseIds.length) return out;
  const rows = await db
    .select({ useCaseId: useCaseFeedbackKeys.useCaseId, key: feedbackKeys.key })
    .from(useCaseFeedbackKeys)
    .innerJoin(feedbackKeys, eq(feedbackKeys.id, useCaseFeedbackKeys.feedbackKeyId))
    .where(inArray(useCaseFeedbackKeys.useCaseId, useCaseIds))
    .orderBy(asc(feedbackKeys.key));
  for (const { useCaseId, key } of rows) out.set(useCaseId, [...(out.get(useCaseId) ?? []), key]);
  return out;
}

export function serializeUseCase(row: UseCaseRow, attached: AttachedModel[], keys: string[]) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    description: row.description,
    default_model: attached.find((m) => m.is_default)?.key ?? null,
    models: attached,
    feedback_keys: keys,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
export type ApiUseCase = ReturnType<typeof serializeUseCase>;

export async function listUseCases(ctx: ProjectCtx, page: Page): Promise<Paginated<ApiUseCase>> {
  const where = eq(useCases.projectId, ctx.project.id);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(useCases)
      .where(where)
      .orderBy(asc(useCases.name))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(useCases).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const [attached, keys] = await Promise.all([attachedModels(ids), linkedKeys(ids)]);
  return {
    items: rows.map((r) => serializeUseCase(r, attached.get(r.id) ?? [], keys.get(r.id) ?? [])),
    count: total?.n ?? 0,
    page: page.page,
    per_page: page.per_page,
  };
}

export async function getUseCase(ctx: ProjectCtx, key: string): Promise<ApiUseCase> {
  const row = await findUseCase(ctx, key);
  const [attached, keys] = await Promise.all([attachedModels([row.id]), linkedKeys([row.id])]);
  return serializeUseCase(row, attached.get(row.id) ?? [], keys.get(row.id) ?? []);
}
