import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { abTestArms, abTests } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { CreateAbTest } from "@/lib/validation/ab-tests";
import { recordAudit } from "../audit";
import { findFeedbackKey } from "../feedback/keys";
import { attachedModels, findUseCase } from "../use-cases/read";
import { invalidateAbRouting } from "./routing";

async function conflictWithRunning(useCaseId: string): Promise<AppError> {
  const [running] = await db
    .select({ key: abTests.key })
    .from(abTests)
    .where(and(eq(abTests.useCaseId, useCaseId), eq(abTests.status, "running")));
  return new AppError("conflict", `The use case already has a running A/B test: "${running?.key}". Cancel it or wait for it to complete.`, [
    { path: "use_case", message: `A/B test "${running?.key}" is running` },
  ]);
}

/** Creates a running test whose arms are the use case's default (A, the control) then the listed models. */
export async function createAbTest(ctx: ProjectCtx, input: CreateAbTest) {
  const useCase = await findUseCase(ctx, input.use_case).catch(() => {
    throw AppError.field("use_case", `Use case "${input.use_case}" not found`, "not_found");
  });
  const key = await findFeedbackKey(ctx, input.feedback_key, db, "feedback_key");
  const attached = (await attachedModels([useCase.id])).get(useCase.id) ?? [];
  const control = attached.find((m) => m.is_default);
  if (!control) throw AppError.field("use_case", `Use case "${useCase.key}" has no default model to serve as the control`);
  const arms = [control, ...input.models.filter((k) => k !== control.key).map((k) => attached.find((m) => m.key === k) ?? k)];
  for (const arm of arms) {
    if (typeof arm === "string") throw AppError.field("models", `Model "${arm}" is not attached to use case "${useCase.key}"`);
    if (!arm.online) throw AppError.field("models", `Model "${arm.key}" is offline for use case "${useCase.key}"`);
  }
  if (arms.length < 2) throw AppError.field("models", "An A/B test needs at least one model besides the default (the control)");
  if (arms.length > 6) throw AppError.field("models", "An A/B test has at most 6 arms, the default included");
  const models = arms as typeof attached;
  try {
    await db.transaction(async (tx) => {
      const [test] = await tx
        .insert(abTests)
        .values({
          projectId: ctx.project.id,
          useCaseId: useCase.id,
          key: input.key,
          feedbackKeyId: key.id,
          feedbackType: input.feedback_type,
          trafficSplit: input.traffic_split,
          autoDeploy: input.auto_deploy,
          minSamplesPerArm: input.min_samples_per_arm,
          maxSamplesPerArm: input.max_samples_per_arm ?? null,
          endsAt: input.ends_at ? new Date(input.ends_at) : null,
          createdBy: ctx.actor.userId,
        })
        .returning({ id: abTests.id });
      const testId = test?.id as string;
      await tx.insert(abTestArms).values(models.map((m, arm) => ({ testId, arm, modelId: m.model_id })));
      await recordAudit(tx, ctx.actor, ctx.project.id, {
        action: "ab_test.create",
        resourceType: "ab_test",
        resourceId: testId,
        details: { key: input.key, use_case: useCase.key, models: models.map((m) => m.key), traffic_split: input.traffic_split },
      });
    });
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "ab_tests_one_running") throw await conflictWithRunning(useCase.id);
    if (constraint === "ab_tests_project_key") throw AppError.field("key", `An A/B test "${input.key}" already exists`, "conflict");
    throw error;
  }
  invalidateAbRouting(useCase.id);
  return input.key;
}
