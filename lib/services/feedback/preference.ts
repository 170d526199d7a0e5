import { randomUUID } from "node:crypto";
import { aliasedTable, and, count, desc, eq, type SQL } from "drizzle-orm";
import { db } from "@/db";
import { feedbackKeys, interactions, models, preferenceFeedback, useCases } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import type { Page } from "@/lib/http/pagination";
import type { CompletionRef, ListFeedback, LogPreferenceFeedback } from "@/lib/validation/feedback";
import { countPreferenceFeedback } from "../ab-tests/preference-feedback";
import { settleAfterFeedback } from "../ab-tests/settle";
import { findInteraction } from "../interactions/find";
import { storedMessages } from "../interactions/messages";
import { getModelRow } from "../models/read";
import { resolveUseCase } from "../use-cases/read";
import { findFeedbackKey } from "./keys";
import { linkKey } from "./metric";

type Side = "preferred_completion" | "other_completion";

/** A `{model, text}` completion becomes an ingested interaction on the given prompt. */
async function newCompletion(ctx: ProjectCtx, ref: { model: string; text: string }, side: Side, input: LogPreferenceFeedback) {
  const { model } = await getModelRow(ctx, { key: ref.model }).catch(() => {
    throw new AppError("not_found", `Model "${ref.model}" not found`, [{ path: `${side}.model`, message: "unknown model" }]);
  });
  const messages = input.messages ?? (input.prompt !== undefined ? [{ role: "user", content: input.prompt }] : null);
  if (!messages) throw AppError.field("messages", "Give messages or prompt with {model, text} completions");
  return { id: randomUUID(), modelId: model.id, messages: storedMessages(messages), text: ref.text };
}

export async function logPreferenceFeedback(ctx: ProjectCtx, input: LogPreferenceFeedback) {
  const key = await findFeedbackKey(ctx, input.feedback_key, db, "feedback_key");
  const sides = [input.preferred_completion, input.other_completion] as CompletionRef[];
  const names: Side[] = ["preferred_completion", "other_completion"];
  const resolved = await Promise.all(
    sides.map(async (ref, i) =>
      typeof ref === "string"
        ? { existing: await findInteraction(ctx, ref, names[i] as Side) }
        : { created: await newCompletion(ctx, ref, names[i] as Side, input) },
    ),
  );
  const known = resolved.find((r) => r.existing)?.existing;
  const useCaseId = known?.useCaseId ?? (await resolveUseCase(ctx, input.use_case)).id;
  if (resolved.some((r) => r.existing && r.existing.useCaseId !== useCaseId))
    throw AppError.field("other_completion", "Both completions must belong to the same use case");
  const ids = resolved.map((r) => (r.existing ?? r.created)?.id as string);
  const row = await db.transaction(async (tx) => {
    for (const { created } of resolved) {
      if (!created) continue;
      await tx.insert(interactions).values({
        id: created.id,
        projectId: ctx.project.id,
        useCaseId,
        modelId: created.modelId,
        source: "ingested",
        messages: created.messages,
        completion: created.text,
        completions: [created.text],
      });
    }
    const [saved] = await tx
      .insert(preferenceFeedback)
      .values({
        projectId: ctx.project.id,
        feedbackKeyId: key.id,
        preferredId: ids[0] as string,
        otherId: ids[1] as string,
        tied: input.tied,
        endUser: input.user ?? null,
      })
      .returning();
    await linkKey(tx, useCaseId, key.id);
    const testId = await countPreferenceFeedback(tx, {
      preferredId: ids[0] as string,
      otherId: ids[1] as string,
      tied: input.tied,
      feedbackKeyId: key.id,
      user: input.user ?? null,
    });
    return { ...saved, testId };
  });
  await settleAfterFeedback(ctx, row.testId);
  return {
    id: row?.id,
    feedback_key: key.key,
    preferred_completion: ids[0],
    other_completion: ids[1],
    tied: input.tied,
    user: input.user ?? null,
    created_at: row?.createdAt,
  };
}

const preferred = aliasedTable(interactions, "preferred");
const other = aliasedTable(interactions, "other");
const preferredModel = aliasedTable(models, "preferred_model");
const otherModel = aliasedTable(models, "other_model");

export async function listPreferenceFeedback(ctx: ProjectCtx, filters: ListFeedback, page: Page) {
  const conditions: SQL[] = [eq(preferenceFeedback.projectId, ctx.project.id)];
  if (filters.use_case) conditions.push(eq(useCases.key, filters.use_case));
  if (filters.feedback_key) conditions.push(eq(feedbackKeys.key, filters.feedback_key));
  if (filters.completion_id) conditions.push(eq(preferenceFeedback.preferredId, filters.completion_id));
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: preferenceFeedback.id,
        feedback_key: feedbackKeys.key,
        preferred_completion: preferenceFeedback.preferredId,
        preferred_model: preferredModel.key,
        other_completion: preferenceFeedback.otherId,
        other_model: otherModel.key,
        tied: preferenceFeedback.tied,
        user: preferenceFeedback.endUser,
        use_case: useCases.key,
        created_at: preferenceFeedback.createdAt,
      })
      .from(preferenceFeedback)
      .innerJoin(feedbackKeys, eq(feedbackKeys.id, preferenceFeedback.feedbackKeyId))
      .innerJoin(preferred, eq(preferred.id, preferenceFeedback.preferredId))
      .innerJoin(other, eq(other.id, preferenceFeedback.otherId))
      .innerJoin(preferredModel, eq(preferredModel.id, preferred.modelId))
      .innerJoin(otherModel, eq(otherModel.id, other.modelId))
      .innerJoin(useCases, eq(useCases.id, preferred.useCaseId))
      .where(where)
      .orderBy(desc(preferenceFeedback.createdAt), desc(preferenceFeedback.id))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db
      .select({ n: count() })
      .from(preferenceFeedback)
      .innerJoin(feedbackKeys, eq(feedbackKeys.id, preferenceFeedback.feedbackKeyId))
      .innerJoin(preferred, eq(preferred.id, preferenceFeedback.preferredId))
      .innerJoin(useCases, eq(useCases.id, preferred.useCaseId))
      .where(where),
  ]);
  return { items, count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}
