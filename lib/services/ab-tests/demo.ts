import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { and, eq } from "drizzle-orm";
import { abTests, interactions, preferenceFeedback } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { unitHash } from "@/lib/providers/simulated";
import { findFeedbackKey } from "../feedback/keys";
import { linkFeedbackKey } from "../use-cases/feedback-keys";
import { attachModel } from "../use-cases/models";
import { createUseCase } from "../use-cases/write";
import { countAssignments } from "./assignments";
import { createAbTest } from "./create";
import { findAbTest } from "./find";
import { writeMetricFeedback } from "./metric-feedback";
import { countPreferenceFeedback } from "./preference-feedback";
import { settleAbTest } from "./settle";

const QUESTIONS = [
  "How do I reset my password?",
  "Where do I find my invoices?",
  "How do I cancel my subscription?",
  "Why was my card declined?",
];
const HOUR = 3_600_000;

/** Interactions of a test's arm spread over the past `hours`, written as the gateway would have logged them. */
async function armTraffic(ctx: ProjectCtx, testKey: string, count: number, hours: number, tag: string) {
  const now = Date.now();
  // The demo's history starts `hours` ago: date the test from then, as if it had been running since.
  await db
    .update(abTests)
    .set({ createdAt: new Date(now - hours * HOUR) })
    .where(and(eq(abTests.projectId, ctx.project.id), eq(abTests.key, testKey)));
  const t = await findAbTest(ctx, testKey);
  const rows = Array.from({ length: count }, (_, i) => {
    const h = (what: string) => unitHash(`demo-ab:${tag}:${what}:${i}`);
    const arm = i % t.arms.length;
    const question = QUESTIONS[Math.floor(h("q") * QUESTIONS.length)] as string;
    return {
      id: randomUUID(),
      projectId: ctx.project.id,
      useCaseId: t.test.useCaseId,
      modelId: t.arms[arm]?.modelId as string,
      source: "gateway" as const,
      messages: [{ role: "user", content: question }],
      completion: `Answer from arm ${String.fromCharCode(65 + arm)}: see Settings → Account.`,
      completions: [],
      endUser: `customer-${Math.floor(h("user") * 200)}`,
      abTestId: t.test.id,
      abArm: String.fromCharCode(65 + arm),
      createdAt: new Date(now - hours * HOUR + (i / count) * hours * HOUR),
    };
  });
  await db.insert(interactions).values(rows);
  await countAssignments(rows);
  return { t, rows };
}

/**
 * The demo's A/B tests, on a use case of their own served by the two simulated models: a completed metric
 * test (thumbs up; the strong default beats the weak challenger) and a running preference test whose
 * judgements give every chart something to show.
 */
export async function seedDemoAbTests(ctx: ProjectCtx, control: { id: string }, challenger: { id: string; key: string }): Promise<void> {
  await createUseCase(ctx, { key: "checkout", name: "Checkout helper", description: "Answers questions at checkout (demo A/B tests)." });
  for (const model of [control, challenger]) await attachModel(ctx, "checkout", { model_id: model.id, online: true });
  await linkFeedbackKey(ctx, "checkout", "thumbs_up");
  await createAbTest(ctx, {
    key: "checkout-thumbs",
    use_case: "checkout",
    feedback_key: "thumbs_up",
    models: [challenger.key],
    traffic_split: 0.5,
    feedback_type: "metric",
    auto_deploy: false,
    min_samples_per_arm: 100,
  });
  const thumbs = await findFeedbackKey(ctx, "thumbs_up");
  const metric = await armTraffic(ctx, "checkout-thumbs", 600, 48, "metric");
  for (const [i, row] of metric.rows.entries()) {
    const h = (what: string) => unitHash(`demo-ab:metric:${what}:${i}`);
    if (h("rated") > 0.8) continue;
    const value = h("liked") < (row.abArm === "A" ? 0.78 : 0.6) ? 1 : 0;
    const feedback = { projectId: ctx.project.id, feedbackKey: "thumbs_up", completionId: row.id, details: null };
    await writeMetricFeedback({ ...feedback, value, user: row.endUser }, row.createdAt);
  }
  await settleAbTest(await findAbTest(ctx, "checkout-thumbs"), ctx.actor);

  await createAbTest(ctx, {
    key: "checkout-side-by-side",
    use_case: "checkout",
    feedback_key: "thumbs_up",
    models: [challenger.key],
    traffic_split: 0.2,
    feedback_type: "preference",
    auto_deploy: false,
    min_samples_per_arm: 500,
  });
  const preference = await armTraffic(ctx, "checkout-side-by-side", 240, 24, "preference");
  for (let i = 0; i + 1 < preference.rows.length; i += 2) {
    const [a, b] = [preference.rows[i], preference.rows[i + 1]];
    if (!a || !b) continue;
    const r = unitHash(`demo-ab:preference:${i}`);
    const tied = r > 0.85;
    const [preferred, other] = r < 0.6 || tied ? [a, b] : [b, a];
    await db.transaction(async (tx) => {
      await tx.insert(preferenceFeedback).values({
        projectId: ctx.project.id,
        feedbackKeyId: thumbs.id,
        preferredId: preferred.id,
        otherId: other.id,
        tied,
        createdAt: a.createdAt,
      });
      await countPreferenceFeedback(tx, {
        preferredId: preferred.id,
        otherId: other.id,
        tied,
        feedbackKeyId: thumbs.id,
        user: `judge-${i % 7}`,
      });
    });
  }
}
