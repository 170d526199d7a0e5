import { getDataset } from "@/lib/llama-stack/datasets";
import { unregisterResource } from "@/lib/llama-stack/resources";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { IdParams } from "@/lib/llama-stack/schemas";

export const GET = llamaStackRoute({ role: "viewer", params: IdParams }, ({ ctx, params }) => getDataset(ctx, params.id));

export const DELETE = llamaStackRoute({ role: "member", params: IdParams, status: 204 }, ({ ctx, params }) =>
  unregisterResource(ctx, "dataset", params.id),
);
