import { and, count, desc, eq, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { feedbackKeys, interactions, metricFeedback, models, useCaseFeedbackKeys, useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { Page } from "@/lib/http/pagination";
import type { ListFeedback, LogMetricFeedback } from "@/lib/validation/feedback";
import { writeMetricFeedback } from "../ab-tests/metric-feedback";
import { settleAfterFeedback } from "../ab-tests/settle";
import { unknownCompletion } from "../interactions/find";
import { flushInteractions, isBuffered } from "../interactions/log-buffer";
import { findUseCase } from "../use-cases/read";
import { unknownFeedbackKey } from "./keys";
import { feedbackValue } from "./value";

/** Logging feedback links its key to the use case, so the use case's pages show it without a separate step. */
export async function linkKey(tx: Executor, useCaseId: string, feedbackKeyId: string) {
  await tx.insert(useCaseFeedbackKeys).values({ useCaseId, feedbackKeyId }).onConflictDoNothing();
}

/** One statement in the common case (lib/services/ab-tests/metric-feedback.ts): feedback is the hot write of live traffic. */
export async function logMetricFeedback(ctx: ProjectCtx, input: LogMetricFeedback) {
  if (isBuffered(input.completion_id)) await flushInteractions();
  const { target, row, ready } = await writeMetricFeedback({
    projectId: ctx.project.id,
    feedbackKey: input.feedback_key,
    completionId: input.completion_id,
    value: input.value,
    user: input.user ?? null,
    details: input.details ?? null,
  });
  if (!target) throw unknownFeedbackKey(input.feedback_key, "feedback_key");
  if (!target.interaction_id) throw unknownCompletion(input.completion_id, "completion_id");
  const value = feedbackValue(target.kind, input.value); // throws the field error when the value does not fit the key
  if (!row) throw new Error("metric feedback was not stored");
  await settleAfterFeedback(ctx, ready ? target.test_id : null);
  return {
    id: row.id,
    completion_id: row.interactionId,
    feedback_key: input.feedback_key,
    value,
    user: row.endUser,
    details: row.details,
    created_at: row.createdAt,
  };
}

export async function listMetricFeedback(ctx: ProjectCtx, filters: ListFeedback, page: Page) {
  const conditions: SQL[] = [eq(metricFeedback.projectId, ctx.project.id)];
  if (filters.use_case) conditions.push(eq(interactions.useCaseId, (await findUseCase(ctx, filters.use_case)).id));
  if (filters.feedback_key) conditions.push(eq(feedbackKeys.key, filters.feedback_key));
  if (filters.completion_id) conditions.push(eq(metricFeedback.interactionId, filters.completion_id));
  const where = and(...conditions);
  const base = () =>
    db
      .select({
        id: metricFeedback.id,
        completion_id: metricFeedback.interactionId,
        feedback_key: feedbackKeys.key,
        kind: feedbackKeys.kind,
        value: metricFeedback.value,
        user: metricFeedback.endUser,
        details: metricFeedback.details,
        model: models.key,
        use_case: useCases.key,
        created_at: metricFeedback.createdAt,
      })
      .from(metricFeedback)
      .innerJoin(feedbackKeys, eq(feedbackKeys.id, metricFeedback.feedbackKeyId))
      .innerJoin(interactions, eq(interactions.id, metricFeedback.interactionId))
      .innerJoin(models, eq(models.id, interactions.modelId))
      .innerJoin(useCases, eq(useCases.id, interactions.useCaseId));
  const [items, [total]] = await Promise.all([
    base()
      .where(where)
      .orderBy(desc(metricFeedback.createdAt), desc(metricFeedback.id))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db
      .select({ n: count() })
      .from(metricFeedback)
      .innerJoin(feedbackKeys, eq(feedbackKeys.id, metricFeedback.feedbackKeyId))
      .innerJoin(interactions, eq(interactions.id, metricFeedback.interactionId))
      .where(where),
  ]);
  return { items, count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}
