import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { updateRun } from "@/lib/services/runs/note";
import { getRun } from "@/lib/services/runs/read";
import { UpdateRun } from "@/lib/validation/runs";

const Params = z.object({ id: z.uuid("id must be a run id") });

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getRun(ctx, params.id));

export const PATCH = projectRoute({ can: "run.create", params: Params, body: UpdateRun }, ({ ctx, params, body }) =>
  updateRun(ctx, params.id, body),
);
