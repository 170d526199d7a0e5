import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { listResults } from "@/lib/services/runs/read";
import { ListResultsQuery } from "@/lib/validation/run-results";

export const GET = projectRoute(
  { can: "project.read", params: z.object({ id: z.uuid("id must be a run id") }), query: ListResultsQuery },
  ({ ctx, params, query }) => listResults(ctx, params.id, query),
);
