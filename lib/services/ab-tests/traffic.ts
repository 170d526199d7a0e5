import { and, count, eq, gte, inArray } from "drizzle-orm";
import { db } from "@/db";
import { feedbackKeys, interactions, metricFeedback } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";

const WINDOW_DAYS = 7;

/**
 * A use case's requests per hour and, per feedback key, the share of requests that got feedback, over the
 * last week: the create form turns these into the expected time to min_samples_per_arm.
 */
export async function recentTraffic(ctx: ProjectCtx, useCaseIds: string[]) {
  const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000);
  if (!useCaseIds.length) return {};
  const scope = and(
    eq(interactions.projectId, ctx.project.id),
    inArray(interactions.useCaseId, useCaseIds),
    gte(interactions.createdAt, since),
  );
  const [requests, feedback] = await Promise.all([
    db.select({ useCaseId: interactions.useCaseId, n: count() }).from(interactions).where(scope).groupBy(interactions.useCaseId),
    db
      .select({ useCaseId: interactions.useCaseId, key: feedbackKeys.key, n: count() })
      .from(metricFeedback)
      .innerJoin(interactions, eq(interactions.id, metricFeedback.interactionId))
      .innerJoin(feedbackKeys, eq(feedbackKeys.id, metricFeedback.feedbackKeyId))
      .where(scope)
      .groupBy(interactions.useCaseId, feedbackKeys.key),
  ]);
  const out: Record<string, { requestsPerHour: number; feedbackShare: Record<string, number> }> = {};
  for (const r of requests) out[r.useCaseId] = { requestsPerHour: r.n / (WINDOW_DAYS * 24), feedbackShare: {} };
  for (const f of feedback) {
    const entry = out[f.useCaseId];
    const total = requests.find((r) => r.useCaseId === f.useCaseId)?.n ?? 0;
    if (entry && total) entry.feedbackShare[f.key] = Math.min(1, f.n / total);
  }
  return out;
}
