import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { attachModel, listAttachedModels } from "@/lib/services/use-cases/models";
import { AttachModel } from "@/lib/validation/use-cases";

const Params = z.object({ key: z.string().max(64) });

export const GET = projectRoute({ role: "viewer", params: Params }, ({ ctx, params }) => listAttachedModels(ctx, params.key));

export const POST = projectRoute({ role: "admin", params: Params, body: AttachModel, status: 201 }, ({ ctx, params, body }) =>
  attachModel(ctx, params.key, body),
);
