import { appendDatasetRows } from "@/lib/llama-stack/datasets";
import { llamaStackRoute, ROWS_BODY_BYTES } from "@/lib/llama-stack/route";
import { AppendRows, IdParams } from "@/lib/llama-stack/schemas";

export const POST = llamaStackRoute(
  { role: "member", params: IdParams, body: AppendRows, maxBodyBytes: ROWS_BODY_BYTES, status: 204 },
  ({ ctx, params, body }) => appendDatasetRows(ctx, params.id, body.rows),
);
