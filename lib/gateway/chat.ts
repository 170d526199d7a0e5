import { randomUUID } from "node:crypto";
import type { ProjectCtx } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { callModel, type ModelCall } from "@/lib/providers/call-model";
import { ProviderError, type WireMessage } from "@/lib/providers/chat-client";
import { streamModel } from "@/lib/providers/stream-model";
import { chooseAbArm } from "@/lib/services/ab-tests/routing";
import { beginCall } from "@/lib/services/interactions/log-buffer";
import { storedMessages } from "@/lib/services/interactions/messages";
import { candidates, routingFor } from "@/lib/services/use-cases/routing";
import { errorResponse, fromProvider, toGatewayError } from "./errors";
import { type CallRecord, finishCall, type Usage } from "./record";
import { ChatRequest, forwardedParams, recordedParams } from "./request";
import { relayStream } from "./stream";

// A provider 5xx, a timeout or an unreachable host: the next model may still answer (a caller that went away is not retried).
const canFallBack = (error: unknown) => error instanceof ProviderError && ["server_error", "timeout", "network"].includes(error.kind);

/** POST /api/v1/chat/completions: routes to the use case's model, relays its answer in OpenAI's format and logs it. */
export async function chatCompletions(
  ctx: ProjectCtx,
  raw: unknown,
  request: Request,
  requestId: string,
  signal: AbortSignal = request.signal,
): Promise<Response> {
  const input = ChatRequest.parse(raw);
  const routing = await routingFor(ctx.project.id, request.headers.get("x-yardstick-use-case") ?? input.use_case);
  const arm = await chooseAbArm(routing, { model: input.model, user: input.user, abCampaign: input.ab_campaign, abArm: input.ab_arm });
  const list = candidates(routing, arm?.modelKey ?? input.model);
  const id = randomUUID();
  const { messages, ...params } = forwardedParams(input);
  // The gateway falls back to the next model itself and must not wait: one attempt, a full rate window fails at once.
  const call: ModelCall = {
    messages: messages as WireMessage[],
    params,
    timeoutMs: env().YARDSTICK_GATEWAY_TIMEOUT_MS,
    signal,
    maxAttempts: 1,
    failFast: true,
    relay: true,
  };
  const record: CallRecord = {
    base: {
      id,
      projectId: ctx.project.id,
      useCaseId: routing.useCase.id,
      source: "gateway",
      createdAt: new Date(),
      messages: storedMessages(input.messages),
      params: recordedParams(input),
      endUser: input.user ?? null,
      labels: input.labels ?? {},
      abTestId: arm?.testId ?? null,
      abArm: arm?.label ?? null,
    },
    started: performance.now(),
    attempts: [],
    end: beginCall(),
  };
  for (const [i, { model }] of list.entries()) {
    try {
      const headers = { "x-yardstick-completion-id": id, "x-yardstick-model": model.key };
      if (input.stream === true) {
        const events = streamModel(model, call);
        // Failures before the stream's first chunk throw here, so the next model may still answer.
        const first = await events.next();
        return relayStream(first, events, { record, model, id, includeUsage: input.stream_options?.include_usage === true, headers });
      }
      const reply = await callModel(model, call);
      const json: Record<string, unknown> = { ...(reply.raw as Record<string, unknown>), id, model: model.key };
      const choices = (json.choices ?? []) as { message?: { content?: unknown } }[];
      finishCall(record, model, {
        texts: choices.map((c) => (typeof c.message?.content === "string" ? c.message.content : "")),
        usage: json.usage as Usage,
      });
      return new Response(JSON.stringify(json), { headers: { "content-type": "application/json", ...headers } });
    } catch (error) {
      if (canFallBack(error) && !signal.aborted && i < list.length - 1) {
        const e = error as ProviderError;
        record.attempts.push({ model_id: model.id, model_key: model.key, error: e.message, status: e.status ?? null });
        continue;
      }
      const mapped = error instanceof ProviderError ? fromProvider(error, model.key) : toGatewayError(error, requestId);
      finishCall(record, model, { texts: [], error: mapped });
      return errorResponse(mapped, requestId);
    }
  }
  record.end();
  throw new Error("unreachable: candidates() returns at least one model");
}
