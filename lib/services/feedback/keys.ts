import { and, asc, count, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { feedbackKeys } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { Page, Paginated } from "@/lib/http/pagination";
import type { CreateFeedbackKey, UpdateFeedbackKey } from "@/lib/validation/feedback";
import { recordAudit } from "../audit";

export type FeedbackKeyRow = typeof feedbackKeys.$inferSelect;

export function serializeFeedbackKey(row: FeedbackKeyRow) {
  return {
    id: row.id,
    key: row.key,
    kind: row.kind,
    scoring_type: row.scoringType,
    name: row.name,
    description: row.description,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}
export type ApiFeedbackKey = ReturnType<typeof serializeFeedbackKey>;

export const unknownFeedbackKey = (key: string, field?: string) =>
  new AppError("not_found", `Feedback key "${key}" not found`, field ? [{ path: field, message: "unknown feedback key" }] : []);

export async function findFeedbackKey(ctx: ProjectCtx, key: string, tx: Executor = db, field?: string): Promise<FeedbackKeyRow> {
  const [row] = await tx
    .select()
    .from(feedbackKeys)
    .where(and(eq(feedbackKeys.projectId, ctx.project.id), eq(feedbackKeys.key, key)));
  if (!row) throw unknownFeedbackKey(key, field);
  return row;
}

export async function listFeedbackKeys(ctx: ProjectCtx, page: Page): Promise<Paginated<ApiFeedbackKey>> {
  const where = eq(feedbackKeys.projectId, ctx.project.id);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(feedbackKeys)
      .where(where)
      .orderBy(asc(feedbackKeys.key))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(feedbackKeys).where(where),
  ]);
  return { items: rows.map(serializeFeedbackKey), count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}

export async function getFeedbackKey(ctx: ProjectCtx, key: string) {
  return serializeFeedbackKey(await findFeedbackKey(ctx, key));
}

export async function createFeedbackKey(ctx: ProjectCtx, input: CreateFeedbackKey) {
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(feedbackKeys)
        .values({
          projectId: ctx.project.id,
          key: input.key,
          kind: input.kind,
          scoringType: input.scoring_type,
          name: input.name ?? input.key,
          description: input.description,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "feedback_key.create",
        resourceType: "feedback_key",
        resourceId: row.id,
        details: { key: row.key, kind: row.kind },
      });
      return serializeFeedbackKey(row);
    });
  } catch (error) {
    if (uniqueViolation(error) === "feedback_keys_project_key")
      throw AppError.field("key", "A feedback key with this key already exists", "conflict");
    throw error;
  }
}

/** The kind cannot change: values already logged were validated against it. */
export async function updateFeedbackKey(ctx: ProjectCtx, key: string, input: UpdateFeedbackKey) {
  return db.transaction(async (tx) => {
    const row = await findFeedbackKey(ctx, key, tx);
    const [updated] = await tx
      .update(feedbackKeys)
      .set({ name: input.name, description: input.description, scoringType: input.scoring_type, updatedAt: new Date() })
      .where(eq(feedbackKeys.id, row.id))
      .returning();
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "feedback_key.update",
      resourceType: "feedback_key",
      resourceId: row.id,
      details: input,
    });
    return serializeFeedbackKey(updated as FeedbackKeyRow);
  });
}
