import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getModel } from "@/lib/services/models/read";
import { deleteModel, updateModel } from "@/lib/services/models/write";
import { UpdateModel } from "@/lib/validation/models";

const Params = z.object({ id: z.uuid("id must be a model id") });

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getModel(ctx, { id: params.id }));

export const PATCH = projectRoute({ can: "model.manage", params: Params, body: UpdateModel }, ({ ctx, params, body }) =>
  updateModel(ctx, params.id, body),
);

export const DELETE = projectRoute({ can: "model.manage", params: Params, status: 204 }, async ({ ctx, params }) => {
  await deleteModel(ctx, params.id);
});
