import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getRun } from "@/lib/services/runs/read";

export const GET = projectRoute({ can: "project.read", params: z.object({ id: z.uuid("id must be a run id") }) }, ({ ctx, params }) =>
  getRun(ctx, params.id),
);
