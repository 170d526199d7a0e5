import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { projectRoute } from "@/lib/http/route";
import { getResultDetail } from "@/lib/services/runs/result-detail";
import { ResultKey } from "@/lib/validation/run-results";

const Params = z.object({
  id: z.uuid("id must be a run id"),
  position: z.coerce.number("position must be a number").int().min(1, "position starts at 1").max(MAX_INT),
});

export const GET = projectRoute({ can: "project.read", params: Params, query: ResultKey }, ({ ctx, params, query }) =>
  getResultDetail(ctx, params.id, { position: params.position, sample: query.sample }),
);
