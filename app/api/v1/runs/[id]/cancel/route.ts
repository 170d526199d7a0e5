import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { cancelRun } from "@/lib/services/runs/cancel";

export const POST = projectRoute({ can: "run.create", params: z.object({ id: z.uuid("id must be a run id") }) }, ({ ctx, params }) =>
  cancelRun(ctx, params.id),
);
