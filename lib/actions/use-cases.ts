"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { logMetricFeedback } from "@/lib/services/feedback/metric";
import { ensureThumbsKey } from "@/lib/services/feedback/thumbs";
import { attachModel, detachModel, updateAttachedModel } from "@/lib/services/use-cases/models";
import { linkFeedbackKey } from "@/lib/services/use-cases/feedback-keys";
import { createUseCase, updateUseCase } from "@/lib/services/use-cases/write";
import { CreateFeedbackKey, LogMetricFeedback } from "@/lib/validation/feedback";
import { AttachModel, CreateUseCase, UpdateAttachedModel, UpdateUseCase, UseCaseKey } from "@/lib/validation/use-cases";

const refresh = (project: string) => revalidatePath(`/${project}/use-cases`, "layout");

export const createUseCaseAction = projectAction("usecase.manage", CreateUseCase, async (ctx, input) => {
  const useCase = await createUseCase(ctx, input);
  refresh(ctx.project.key);
  return useCase;
});

export const updateUseCaseAction = projectAction(
  "usecase.manage",
  UpdateUseCase.extend({ key: UseCaseKey }),
  async (ctx, { key, ...changes }) => {
    const useCase = await updateUseCase(ctx, key, changes);
    refresh(ctx.project.key);
    return useCase;
  },
);

export const attachModelAction = projectAction(
  "usecase.manage",
  AttachModel.extend({ key: UseCaseKey }),
  async (ctx, { key, ...input }) => {
    const result = await attachModel(ctx, key, input);
    refresh(ctx.project.key);
    return result;
  },
);

export const updateAttachedModelAction = projectAction(
  "usecase.manage",
  UpdateAttachedModel.extend({ key: UseCaseKey, model_id: z.uuid() }),
  async (ctx, { key, model_id, ...input }) => {
    const result = await updateAttachedModel(ctx, key, model_id, input);
    refresh(ctx.project.key);
    return result;
  },
);

export const detachModelAction = projectAction(
  "usecase.manage",
  z.object({ key: UseCaseKey, model_id: z.uuid() }),
  async (ctx, { key, model_id }) => {
    await detachModel(ctx, key, model_id);
    refresh(ctx.project.key);
    return { model_id };
  },
);

export const createFeedbackKeyAction = projectAction(
  "usecase.manage",
  CreateFeedbackKey.extend({ use_case: UseCaseKey }),
  async (ctx, { use_case, ...input }) => {
    const key = await createFeedbackKey(ctx, input);
    await linkFeedbackKey(ctx, use_case, key.key);
    refresh(ctx.project.key);
    return key;
  },
);

export const logFeedbackAction = projectAction("feedback.write", LogMetricFeedback, async (ctx, input) => {
  const result = await logMetricFeedback(ctx, input);
  revalidatePath(`/${ctx.project.key}/interactions`);
  return result;
});

/** The playground's thumbs: `thumbs_up` (a bool key, created on first use) gets 1 or 0. */
export const thumbsAction = projectAction("feedback.write", z.object({ completion_id: z.uuid(), up: z.boolean() }), async (ctx, input) => {
  await ensureThumbsKey(ctx);
  return logMetricFeedback(ctx, { completion_id: input.completion_id, feedback_key: "thumbs_up", value: input.up });
});
