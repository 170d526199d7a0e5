import { iterateDatasetRows } from "@/lib/llama-stack/datasets";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { IdParams, IterrowsQuery } from "@/lib/llama-stack/schemas";

export const GET = llamaStackRoute({ role: "viewer", params: IdParams, query: IterrowsQuery }, ({ ctx, params, query }) =>
  iterateDatasetRows(ctx, params.id, query.start_index, query.limit),
);
