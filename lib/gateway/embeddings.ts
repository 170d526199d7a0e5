import { randomUUID } from "node:crypto";
import type { ProjectCtx } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { ProviderError } from "@/lib/providers/chat-client";
import { embedModel } from "@/lib/providers/embed-model";
import { beginCall } from "@/lib/services/interactions/log-buffer";
import { candidates, type RoutedModel, routingFor } from "@/lib/services/use-cases/routing";
import { errorResponse, fromProvider, toGatewayError } from "./errors";
import { type CallRecord, finishCall, type Usage } from "./record";
import { EmbeddingsRequest } from "./request";

/** POST /api/v1/embeddings: the use case's model embeds the input; the call is logged with its inputs as messages. */
export async function embeddings(
  ctx: ProjectCtx,
  raw: unknown,
  request: Request,
  requestId: string,
  signal: AbortSignal = request.signal,
): Promise<Response> {
  const input = EmbeddingsRequest.parse(raw);
  const routing = await routingFor(ctx.project.id, request.headers.get("x-yardstick-use-case") ?? input.use_case);
  const { model } = candidates(routing, input.model)[0] as RoutedModel;
  const { use_case: _u, labels: _l, model: _m, ...params } = input;
  const texts = Array.isArray(input.input) ? input.input.map((t) => (typeof t === "string" ? t : JSON.stringify(t))) : [input.input];
  const record: CallRecord = {
    base: {
      id: randomUUID(),
      projectId: ctx.project.id,
      useCaseId: routing.useCase.id,
      source: "gateway",
      createdAt: new Date(),
      messages: texts.map((content) => ({ role: "user", content })),
      params: { endpoint: "embeddings", ...(input.encoding_format ? { encoding_format: input.encoding_format } : {}) },
      endUser: input.user ?? null,
      labels: input.labels ?? {},
    },
    started: performance.now(),
    attempts: [],
    end: beginCall(),
  };
  try {
    const reply = await embedModel(model, { params, texts, timeoutMs: env().YARDSTICK_GATEWAY_TIMEOUT_MS, signal });
    const json: Record<string, unknown> = { ...reply, model: model.key };
    finishCall(record, model, { texts: [], usage: { ...(json.usage as Usage), completion_tokens: 0 } });
    return new Response(JSON.stringify(json), {
      headers: { "content-type": "application/json", "x-yardstick-completion-id": record.base.id, "x-yardstick-model": model.key },
    });
  } catch (error) {
    const mapped = error instanceof ProviderError ? fromProvider(error, model.key) : toGatewayError(error, requestId);
    finishCall(record, model, { texts: [], error: mapped });
    return errorResponse(mapped, requestId);
  }
}
