import { and, arrayOverlaps, asc, count, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { models, projectModels } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page, Paginated } from "@/lib/http/pagination";
import type { ListModels } from "@/lib/validation/models";
import { containsText } from "../search";
import { hasAllTags, tagsOf } from "../tags/read";
import { type ApiModel, serializeModel } from "./serialize";

/** Models a project may see: the public catalog plus its own custom models, never disabled ones. */
export function visibleTo(ctx: ProjectCtx): SQL {
  return and(isNull(models.disabledAt), or(eq(models.visibility, "public"), eq(models.ownerProjectId, ctx.project.id))) as SQL;
}

// Qualified explicitly: drizzle renders columns unqualified inside single-table selects.
const inProjectExpr = (projectId: string) =>
  sql<boolean>`exists (select 1 from ${projectModels} pm where pm.project_id = ${projectId} and pm.model_id = ${sql.raw(`"models"."id"`)})`;

export async function listModels(ctx: ProjectCtx, filters: ListModels, page: Page): Promise<Paginated<ApiModel>> {
  const conditions: (SQL | undefined)[] = [visibleTo(ctx)];
  if (filters.type) conditions.push(eq(models.visibility, filters.type));
  if (filters.name) conditions.push(containsText(models.name, filters.name));
  if (filters.key) conditions.push(containsText(models.key, filters.key));
  // Catalog attributes exist only on public models, so these filters return public models only.
  if (filters.categories?.length) conditions.push(eq(models.visibility, "public"), arrayOverlaps(models.categories, filters.categories));
  if (filters.companies?.length) conditions.push(eq(models.visibility, "public"), inArray(models.company, filters.companies));
  if (filters.regions?.length) conditions.push(eq(models.visibility, "public"), arrayOverlaps(models.regions, filters.regions));
  if (filters.licenses?.length) conditions.push(eq(models.visibility, "public"), inArray(models.license, filters.licenses));
  if (filters.in_project)
    conditions.push(filters.in_project === "true" ? inProjectExpr(ctx.project.id) : sql`not ${inProjectExpr(ctx.project.id)}`);
  conditions.push(hasAllTags(ctx, "model", sql.raw(`"models"."id"`), filters.tag));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ model: models, inProject: inProjectExpr(ctx.project.id) })
      .from(models)
      .where(where)
      .orderBy(asc(models.visibility), asc(models.name))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(models).where(where),
  ]);
  const tags = await tagsOf(
    ctx,
    "model",
    rows.map((r) => r.model.id),
  );
  return {
    items: rows.map((r) => ({ ...serializeModel(r.model, r.inProject), tags: tags.get(r.model.id) ?? [] })),
    count: total?.n ?? 0,
    page: page.page,
    per_page: page.per_page,
  };
}

export async function getModelRow(ctx: ProjectCtx, by: { id: string } | { key: string }) {
  const match = "id" in by ? eq(models.id, by.id) : eq(models.key, by.key);
  const [row] = await db
    .select({ model: models, inProject: inProjectExpr(ctx.project.id) })
    .from(models)
    .where(and(match, visibleTo(ctx)));
  if (!row) throw new AppError("not_found", "Model not found");
  return row;
}

export async function getModel(ctx: ProjectCtx, by: { id: string } | { key: string }): Promise<ApiModel> {
  const row = await getModelRow(ctx, by);
  return serializeModel(row.model, row.inProject);
}

/** Distinct catalog values for the filter chips. */
export async function catalogFacets() {
  const [row] = await db
    .select({
      categories: sql<string[]>`coalesce(array_agg(distinct c) filter (where c is not null), '{}')`,
    })
    .from(sql`${models} left join lateral unnest(${models.categories}) c on true`)
    .where(and(eq(models.visibility, "public"), isNull(models.disabledAt)));
  const companies = await db
    .selectDistinct({ v: models.company })
    .from(models)
    .where(and(eq(models.visibility, "public"), isNull(models.disabledAt)))
    .orderBy(asc(models.company));
  return { categories: (row?.categories ?? []).sort(), companies: companies.map((c) => c.v).filter((v): v is string => !!v) };
}
