import { randomUUID } from "node:crypto";
import { db } from "@/db";
import { interactions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { createAbTest } from "@/lib/services/ab-tests/create";
import { findAbTest } from "@/lib/services/ab-tests/find";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { attachModel } from "@/lib/services/use-cases/models";
import { createUseCase } from "@/lib/services/use-cases/write";
import { CreateFeedbackKey } from "@/lib/validation/feedback";
import { CreateModel } from "@/lib/validation/models";
import { AttachModel } from "@/lib/validation/use-cases";

/** A custom model behind `url` (a fake endpoint), or a simulated one when url is "simulated". */
export async function makeModel(ctx: ProjectCtx, key: string, url: string | "simulated", extra: Record<string, unknown> = {}) {
  const fields =
    url === "simulated"
      ? { endpoint_type: "simulated", simulation: { seed: 7, accuracy: 0.8, latencyMs: { mean: 20, stddev: 5 } } }
      : { api_url: url };
  return createModel(ctx, CreateModel.parse({ key, name: key, ...fields, ...extra }));
}

/** A use case with these models attached in order (the first is the default). */
export async function makeUseCase(ctx: ProjectCtx, key: string, models: { id: string; fallback_order?: number }[]) {
  await createUseCase(ctx, { key, description: "" });
  for (const m of models) await attachModel(ctx, key, AttachModel.parse({ model_id: m.id, fallback_order: m.fallback_order }));
}

export async function tokenFor(ctx: ProjectCtx, role: "viewer" | "member" | "admin" = "member") {
  return (await createToken(ctx, { name: `${role} token`, role })).token;
}

/**
 * A running two-arm metric test `key` on a use case of the same name, decided by a new feedback key, with
 * `count` gateway interactions alternating between arms A and B (written directly, no model calls).
 */
export async function makeMetricAbTest(
  ctx: ProjectCtx,
  options: { key: string; feedbackKey: string; kind: "bool" | "scalar"; autoDeploy: boolean; minSamples: number; count: number },
) {
  const models = await Promise.all([0, 1].map((i) => makeModel(ctx, `${ctx.project.key}/m${i}`, "simulated")));
  await makeUseCase(ctx, options.key, models);
  await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: options.feedbackKey, kind: options.kind }));
  await createAbTest(ctx, {
    key: options.key,
    use_case: options.key,
    feedback_key: options.feedbackKey,
    models: [models[1]?.key as string],
    traffic_split: 1,
    feedback_type: "metric",
    auto_deploy: options.autoDeploy,
    min_samples_per_arm: options.minSamples,
  });
  const t = await findAbTest(ctx, options.key);
  const ids = Array.from({ length: options.count }, (_, i) => ({ id: randomUUID(), arm: i % 2 ? ("B" as const) : ("A" as const) }));
  await db.insert(interactions).values(
    ids.map(({ id, arm }) => ({
      id,
      projectId: ctx.project.id,
      useCaseId: t.test.useCaseId,
      modelId: t.arms[arm === "A" ? 0 : 1]?.modelId as string,
      source: "gateway" as const,
      messages: [{ role: "user", content: "Hi" }],
      completion: "Hello",
      abTestId: t.test.id,
      abArm: arm,
    })),
  );
  return { testId: t.test.id, ids };
}
