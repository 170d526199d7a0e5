import { and, asc, desc, eq, gte, lte, type SQL, sql } from "drizzle-orm";
import { db } from "@/db";
import { interactions, models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { ListInteractions } from "@/lib/validation/interactions";
import { findUseCase } from "../use-cases/read";

const escapeLike = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The explorer's filters as one WHERE, always scoped to the caller's project. */
export async function interactionFilter(ctx: ProjectCtx, f: ListInteractions): Promise<SQL> {
  const conditions: (SQL | undefined)[] = [eq(interactions.projectId, ctx.project.id)];
  if (f.use_case) conditions.push(eq(interactions.useCaseId, (await findUseCase(ctx, f.use_case)).id));
  if (f.model) {
    const [model] = await db.select({ id: models.id }).from(models).where(eq(models.key, f.model));
    if (!model) throw AppError.field("model", `Model "${f.model}" not found`, "not_found");
    conditions.push(eq(interactions.modelId, model.id));
  }
  if (f.from) conditions.push(gte(interactions.createdAt, new Date(f.from)));
  if (f.to) conditions.push(lte(interactions.createdAt, new Date(f.to)));
  for (const label of f.label ?? []) {
    const at = label.indexOf("=");
    conditions.push(
      at < 0
        ? sql`${interactions.labels} ? ${label}`
        : sql`${interactions.labels} @> ${JSON.stringify({ [label.slice(0, at)]: label.slice(at + 1) })}::jsonb`,
    );
  }
  if (f.user) conditions.push(eq(interactions.endUser, f.user));
  if (f.status) conditions.push(eq(interactions.status, f.status));
  if (f.ab_test) conditions.push(eq(interactions.abTestId, f.ab_test));
  if (f.q) {
    const like = escapeLike(f.q);
    conditions.push(sql`(${interactions.completion} ilike ${like} or ${interactions.messages}::text ilike ${like})`);
  }
  if (f.feedback_key || f.feedback_min !== undefined || f.feedback_max !== undefined) {
    const parts = [sql`mf.interaction_id = ${interactions.id}`];
    if (f.feedback_key) parts.push(sql`fk.key = ${f.feedback_key}`);
    if (f.feedback_min !== undefined) parts.push(sql`mf.value >= ${f.feedback_min}`);
    if (f.feedback_max !== undefined) parts.push(sql`mf.value <= ${f.feedback_max}`);
    conditions.push(
      sql`exists (select 1 from metric_feedback mf join feedback_keys fk on fk.id = mf.feedback_key_id where ${sql.join(parts, sql` and `)})`,
    );
  }
  if (f.has_feedback !== undefined) {
    const any = sql`(exists (select 1 from metric_feedback mf where mf.interaction_id = ${interactions.id})
      or exists (select 1 from preference_feedback pf where pf.preferred_id = ${interactions.id} or pf.other_id = ${interactions.id}))`;
    conditions.push(f.has_feedback ? any : sql`not ${any}`);
  }
  return and(...conditions) as SQL;
}

const sortColumns = {
  created_at: interactions.createdAt,
  latency_ms: interactions.latencyMs,
  cost: interactions.cost,
  tokens_out: interactions.tokensOut,
};

export function interactionOrder(sort: ListInteractions["sort"]): SQL[] {
  const descending = sort.startsWith("-");
  const column = sortColumns[sort.replace(/^-/, "") as keyof typeof sortColumns];
  return [descending ? sql`${column} desc nulls last` : asc(column), desc(interactions.id)];
}
