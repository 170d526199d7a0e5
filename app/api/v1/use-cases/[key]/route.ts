import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getUseCase } from "@/lib/services/use-cases/read";
import { deleteUseCase, updateUseCase } from "@/lib/services/use-cases/write";
import { UpdateUseCase } from "@/lib/validation/use-cases";

const Params = z.object({ key: z.string().max(64) });

export const GET = projectRoute({ role: "viewer", params: Params }, ({ ctx, params }) => getUseCase(ctx, params.key));

export const PATCH = projectRoute({ role: "admin", params: Params, body: UpdateUseCase }, ({ ctx, params, body }) =>
  updateUseCase(ctx, params.key, body),
);

export const DELETE = projectRoute({ role: "admin", params: Params, status: 204 }, ({ ctx, params }) => deleteUseCase(ctx, params.key));
