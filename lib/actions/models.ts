"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { testConnection } from "@/lib/services/models/test-connection";
import { addModelsToProject, createModel, deleteModel, removeModelsFromProject, updateModel } from "@/lib/services/models/write";
import { CreateModel, ModelIds, UpdateModel } from "@/lib/validation/models";

const ById = z.object({ id: z.uuid("Unknown model") });

export const createModelAction = projectAction("model.manage", CreateModel, async (ctx, input) => {
  const model = await createModel(ctx, input);
  revalidatePath(`/${ctx.project.key}/models`);
  return model;
});

// The id travels beside the fields so that field errors keep their plain names ("api_url", not "changes.api_url").
export const updateModelAction = projectAction(
  "model.manage",
  UpdateModel.extend({ id: z.uuid("Unknown model") }),
  async (ctx, { id, ...changes }) => {
    const model = await updateModel(ctx, id, changes);
    revalidatePath(`/${ctx.project.key}/models`, "layout");
    return model;
  },
);

export const deleteModelAction = projectAction("model.manage", ById, async (ctx, { id }) => {
  await deleteModel(ctx, id);
  revalidatePath(`/${ctx.project.key}/models`);
  return { id };
});

export const addModelsAction = projectAction("model.manage", ModelIds, async (ctx, { model_ids }) => {
  await addModelsToProject(ctx, model_ids);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return { model_ids };
});

export const removeModelsAction = projectAction("model.manage", ModelIds, async (ctx, { model_ids }) => {
  await removeModelsFromProject(ctx, model_ids);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return { model_ids };
});

export const testConnectionAction = projectAction("model.test", ById, async (ctx, { id }) => testConnection(ctx, id));
