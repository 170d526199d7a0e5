import { and, count, eq, getTableColumns, sql } from "drizzle-orm";
import { db } from "@/db";
import { feedbackKeys, interactions, metricFeedback, models, useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page } from "@/lib/http/pagination";
import type { ListInteractions } from "@/lib/validation/interactions";
import { interactionFilter, interactionOrder } from "./filters";
import { groupInteractions } from "./group";
import { flushInteractions, isBuffered } from "./log-buffer";

type Row = typeof interactions.$inferSelect;
type FeedbackItem = { feedback_key: string; value: number; user: string | null; details: string | null; created_at: string };

function serialize(row: Omit<Row, "messages"> & { messages?: Row["messages"] }, names: { model: string; useCase: string }) {
  return {
    id: row.id,
    use_case: names.useCase,
    model: names.model,
    source: row.source,
    ...(row.messages ? { messages: row.messages } : {}),
    completion: row.completion,
    completions: row.completions,
    params: row.params,
    tokens_in: row.tokensIn,
    tokens_out: row.tokensOut,
    latency_ms: row.latencyMs,
    ttft_ms: row.ttftMs,
    cost: row.cost,
    status: row.status,
    error_status: row.errorStatus,
    error: row.error,
    attempts: row.attempts,
    user: row.endUser,
    labels: row.labels,
    ab_test_id: row.abTestId,
    ab_arm: row.abArm,
    created_at: row.createdAt,
  };
}

// Every metric feedback of the interaction, newest first, as one JSON array per row.
const feedbackOf = sql<FeedbackItem[]>`coalesce((
  select json_agg(json_build_object('feedback_key', fk.key, 'value', mf.value, 'user', mf.end_user, 'details', mf.details,
    'created_at', mf.created_at) order by mf.created_at desc)
  from ${metricFeedback} mf join ${feedbackKeys} fk on fk.id = mf.feedback_key_id
  where mf.interaction_id = ${interactions.id}), '[]')`;

// The last message's text, for the table (the full messages only in the detail).
const promptPreview = sql<string>`left(${interactions.messages} -> (jsonb_array_length(${interactions.messages}) - 1) ->> 'content', 300)`;

export async function listInteractions(ctx: ProjectCtx, filters: ListInteractions, page: Page) {
  if (filters.group_by) return groupInteractions(ctx, filters);
  const where = await interactionFilter(ctx, filters);
  const { messages: _omitted, ...columns } = getTableColumns(interactions);
  const [rows, [total]] = await Promise.all([
    db
      .select({ row: columns, model: models.key, useCase: useCases.key, prompt: promptPreview, feedback: feedbackOf })
      .from(interactions)
      .innerJoin(models, eq(models.id, interactions.modelId))
      .innerJoin(useCases, eq(useCases.id, interactions.useCaseId))
      .where(where)
      .orderBy(...interactionOrder(filters.sort))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(interactions).where(where),
  ]);
  return {
    items: rows.map((r) => ({
      ...serialize(r.row as Row, { model: r.model, useCase: r.useCase }),
      prompt: r.prompt,
      feedback: r.feedback,
    })),
    count: total?.n ?? 0,
    page: page.page,
    per_page: page.per_page,
  };
}

export async function getInteraction(ctx: ProjectCtx, id: string) {
  if (isBuffered(id)) await flushInteractions();
  const [row] = await db
    .select({ row: interactions, model: models.key, useCase: useCases.key, feedback: feedbackOf })
    .from(interactions)
    .innerJoin(models, eq(models.id, interactions.modelId))
    .innerJoin(useCases, eq(useCases.id, interactions.useCaseId))
    .where(and(eq(interactions.id, id), eq(interactions.projectId, ctx.project.id)));
  if (!row) throw new AppError("not_found", "Interaction not found");
  const preferences = await db.execute<{
    id: number;
    feedback_key: string;
    preferred: boolean;
    tied: boolean;
    other_completion: string;
  }>(sql`
    select pf.id, fk.key as feedback_key, pf.preferred_id = ${id} as preferred, pf.tied,
      case when pf.preferred_id = ${id} then pf.other_id else pf.preferred_id end as other_completion
    from preference_feedback pf join feedback_keys fk on fk.id = pf.feedback_key_id
    where pf.project_id = ${ctx.project.id} and (pf.preferred_id = ${id} or pf.other_id = ${id})
    order by pf.created_at desc`);
  return { ...serialize(row.row, { model: row.model, useCase: row.useCase }), feedback: row.feedback, preferences: [...preferences] };
}
