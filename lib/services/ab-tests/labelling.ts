import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { type InteractionMessage, interactions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { chatCompletions } from "@/lib/gateway/chat";
import { logPreferenceFeedback } from "../feedback/preference";
import { type AbTest, armLabel, findAbTest } from "./find";

export type LabellingPair = { prompt: InteractionMessage[]; answers: { completion_id: string; text: string }[] };
export type LabelChoice = { shown: [string, string]; choice: "first" | "second" | "tie" | "both_bad" };

async function runningPreferenceTest(ctx: ProjectCtx, key: string): Promise<AbTest> {
  const t = await findAbTest(ctx, key);
  if (t.test.feedbackType !== "preference")
    throw new AppError("conflict", `A/B test "${key}" uses metric feedback: there is nothing to label side by side`);
  if (t.test.status !== "running") throw new AppError("conflict", `A/B test "${key}" is ${t.test.status}`);
  return t;
}

/** One arm's answer, asked through the gateway with the arm forced, so it is an interaction of the test. */
async function ask(ctx: ProjectCtx, t: AbTest, messages: InteractionMessage[], arm: number) {
  const body = {
    model: "default",
    messages,
    use_case: t.useCase.key,
    ab_campaign: t.test.key,
    ab_arm: armLabel(arm),
    user: `labelling:${ctx.actor.username}`,
  };
  const response = await chatCompletions(
    ctx,
    body,
    new Request("http://localhost/api/v1/chat/completions", { method: "POST" }),
    randomUUID(),
  );
  const json = (await response.json()) as { id?: string; choices?: { message?: { content?: string } }[]; error?: { message?: string } };
  if (!response.ok || !json.id)
    throw new AppError("unprocessable", `Arm ${armLabel(arm)} could not answer: ${json.error?.message ?? response.status}`);
  return { completion_id: json.id, text: json.choices?.[0]?.message?.content ?? "" };
}

/**
 * A prompt from the use case's recent interactions, answered by two different arms at random; the answers
 * come back in random order with no model names, so the labeller judges blind.
 */
export async function nextLabellingPair(ctx: ProjectCtx, key: string, random: () => number = Math.random): Promise<LabellingPair> {
  const t = await runningPreferenceTest(ctx, key);
  const recent = await db
    .select({ messages: interactions.messages })
    .from(interactions)
    .where(
      and(eq(interactions.projectId, ctx.project.id), eq(interactions.useCaseId, t.test.useCaseId), eq(interactions.source, "gateway")),
    )
    .orderBy(desc(interactions.createdAt))
    .limit(200);
  const prompts = recent.map((r) => r.messages).filter((m) => m.length > 0);
  if (!prompts.length) throw new AppError("unprocessable", `Use case "${t.useCase.key}" has no interactions yet to take prompts from`);
  const prompt = prompts[Math.floor(random() * prompts.length)] as InteractionMessage[];
  const first = Math.floor(random() * t.arms.length);
  const second = (first + 1 + Math.floor(random() * (t.arms.length - 1))) % t.arms.length;
  const answers = await Promise.all([ask(ctx, t, prompt, first), ask(ctx, t, prompt, second)]);
  return { prompt, answers };
}

/** Records the labeller's choice as preference feedback: A/B picks one answer, tie and "both bad" count as a tie. */
export async function recordLabel(ctx: ProjectCtx, key: string, label: LabelChoice) {
  const t = await runningPreferenceTest(ctx, key);
  const [a, b] = label.shown;
  const preferFirst = label.choice !== "second";
  return logPreferenceFeedback(ctx, {
    feedback_key: t.feedbackKey.key,
    preferred_completion: preferFirst ? a : b,
    other_completion: preferFirst ? b : a,
    tied: label.choice === "tie" || label.choice === "both_bad",
    user: ctx.actor.username,
  });
}
