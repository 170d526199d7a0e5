import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { db } from "@/db";
import { feedbackKeys, interactions, metricFeedback, models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { AppError, FieldError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http/problem";
import { IngestItem } from "@/lib/validation/interactions";
import { recordAudit } from "../audit";
import { linkKey } from "../feedback/metric";
import { feedbackValue } from "../feedback/value";
import { resolveUseCase } from "../use-cases/read";
import { estimateTokens, messageChars, storedMessages } from "./messages";

type ItemError = { index: number } & FieldError;

/** Ingests interactions that happened elsewhere: valid items are written together, invalid ones reported by index. */
export async function ingestInteractions(ctx: ProjectCtx, body: { use_case?: string; interactions: unknown[] }) {
  const useCase = await resolveUseCase(ctx, body.use_case);
  const errors: ItemError[] = [];
  const parsed = body.interactions.map((raw, index) => {
    const result = IngestItem.safeParse(raw);
    if (!result.success) errors.push(...zodFieldErrors(result.error).map((e) => ({ index, ...e })));
    return result.success ? result.data : null;
  });
  const valid = parsed.filter((p): p is IngestItem => p !== null);
  const modelKeys = [...new Set(valid.map((p) => p.model))];
  const fbKeys = [...new Set(valid.flatMap((p) => p.feedbacks?.map((f) => f.feedback_key) ?? []))];
  const [modelRows, keyRows] = await Promise.all([
    modelKeys.length
      ? db
          .select({ id: models.id, key: models.key })
          .from(models)
          .where(
            and(
              inArray(models.key, modelKeys),
              isNull(models.disabledAt),
              or(eq(models.visibility, "public"), eq(models.ownerProjectId, ctx.project.id)),
            ),
          )
      : [],
    fbKeys.length
      ? db
          .select()
          .from(feedbackKeys)
          .where(and(eq(feedbackKeys.projectId, ctx.project.id), inArray(feedbackKeys.key, fbKeys)))
      : [],
  ]);
  const modelId = new Map(modelRows.map((m) => [m.key, m.id]));
  const keyOf = new Map(keyRows.map((k) => [k.key, k]));

  const rows: (typeof interactions.$inferInsert & { id: string })[] = [];
  const feedbackRows: (typeof metricFeedback.$inferInsert)[] = [];
  const ids: (string | null)[] = parsed.map(() => null);
  for (const [index, item] of parsed.entries()) {
    if (!item) continue;
    const itemErrors: FieldError[] = [];
    const model = modelId.get(item.model);
    if (!model) itemErrors.push({ path: "model", message: `Model "${item.model}" not found` });
    const id = randomUUID();
    const fb = (item.feedbacks ?? []).flatMap((f, i) => {
      const key = keyOf.get(f.feedback_key);
      if (!key) {
        itemErrors.push({ path: `feedbacks.${i}.feedback_key`, message: `Feedback key "${f.feedback_key}" not found` });
        return [];
      }
      try {
        const value = feedbackValue(key.kind, f.value, `feedbacks.${i}.value`);
        return [
          {
            projectId: ctx.project.id,
            interactionId: id,
            feedbackKeyId: key.id,
            value,
            endUser: item.user ?? null,
            details: f.details ?? null,
          },
        ];
      } catch (error) {
        itemErrors.push(...(error as AppError).errors);
        return [];
      }
    });
    if (itemErrors.length || !model) {
      errors.push(...itemErrors.map((e) => ({ index, ...e })));
      continue;
    }
    const messages = storedMessages(item.messages ?? [{ role: "user", content: item.prompt ?? "" }]);
    rows.push({
      id,
      projectId: ctx.project.id,
      useCaseId: useCase.id,
      modelId: model,
      source: "ingested",
      messages,
      completion: item.completion,
      completions: [item.completion],
      tokensIn: estimateTokens(messageChars(messages)),
      tokensOut: estimateTokens(item.completion.length),
      endUser: item.user ?? null,
      labels: item.labels ?? {},
      ...(item.created_at ? { createdAt: new Date(item.created_at) } : {}),
    });
    feedbackRows.push(...fb);
    ids[index] = id;
  }

  if (rows.length) {
    await db.transaction(async (tx) => {
      await tx.insert(interactions).values(rows);
      if (feedbackRows.length) await tx.insert(metricFeedback).values(feedbackRows);
      for (const key of new Set(feedbackRows.map((f) => f.feedbackKeyId))) await linkKey(tx, useCase.id, key);
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "interactions.ingest",
        resourceType: "use_case",
        resourceId: useCase.id,
        details: { created: rows.length, rejected: body.interactions.length - rows.length },
      });
    });
  }
  errors.sort((a, b) => a.index - b.index);
  return { created: rows.length, ids, errors };
}
