import { projectRoute } from "@/lib/http/route";
import { addModelsToProject, removeModelsFromProject } from "@/lib/services/models/write";
import { ModelIds } from "@/lib/validation/models";

export const POST = projectRoute({ can: "model.manage", body: ModelIds }, async ({ ctx, body }) => {
  await addModelsToProject(ctx, body.model_ids);
  return { added: body.model_ids };
});

export const DELETE = projectRoute({ can: "model.manage", body: ModelIds }, async ({ ctx, body }) => {
  await removeModelsFromProject(ctx, body.model_ids);
  return { removed: body.model_ids };
});
