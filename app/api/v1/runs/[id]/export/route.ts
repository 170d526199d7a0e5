import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { exportResults } from "@/lib/services/runs/export";
import { ExportQuery } from "@/lib/validation/run-results";

export const GET = projectRoute(
  { can: "project.read", params: z.object({ id: z.uuid("id must be a run id") }), query: ExportQuery },
  ({ ctx, params, query: { format, ...filters } }) => exportResults(ctx, params.id, filters, format),
);
