import { z } from "zod";
import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listResults } from "@/lib/services/runs/read";

export const GET = projectRoute({ role: "viewer", params: z.object({ id: z.uuid("id must be a run id") }), query: PageQuery }, ({ ctx, params, query }) =>
  listResults(ctx, params.id, query),
);
