import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { detachModel, updateAttachedModel } from "@/lib/services/use-cases/models";
import { UpdateAttachedModel } from "@/lib/validation/use-cases";

const Params = z.object({ key: z.string().max(64), modelId: z.uuid("model_id must be a model id") });

export const PATCH = projectRoute({ role: "admin", params: Params, body: UpdateAttachedModel }, ({ ctx, params, body }) =>
  updateAttachedModel(ctx, params.key, params.modelId, body),
);

export const DELETE = projectRoute({ role: "admin", params: Params, status: 204 }, ({ ctx, params }) =>
  detachModel(ctx, params.key, params.modelId),
);
