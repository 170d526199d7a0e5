import { evaluateRows } from "@/lib/llama-stack/eval";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { EvaluateRows, IdParams } from "@/lib/llama-stack/schemas";

/** evaluate_rows: synchronous, for small batches (nothing is stored). */
export const POST = llamaStackRoute(
  { role: "member", params: IdParams, body: EvaluateRows, maxBodyBytes: 8 * 1024 * 1024 },
  ({ ctx, params, body }) => evaluateRows(ctx, params.id, body),
);
