import { runEval } from "@/lib/llama-stack/eval";
import { llamaStackRoute } from "@/lib/llama-stack/route";
import { IdParams, RunEval } from "@/lib/llama-stack/schemas";

export const POST = llamaStackRoute({ role: "member", params: IdParams, body: RunEval }, ({ ctx, params, body, request }) =>
  runEval(ctx, params.id, body, Number(request.headers.get("x-stainless-retry-count") ?? 0) > 0),
);
