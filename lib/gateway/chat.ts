import { randomUUID } from "node:crypto";
import type { ProjectCtx } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { tryAcquireRate } from "@/lib/jobs/rate-limit";
import { ProviderError } from "@/lib/providers/chat-client";
import { chooseAbArm } from "@/lib/services/ab-tests/routing";
import { beginCall } from "@/lib/services/interactions/log-buffer";
import { estimateTokens, messageChars, storedMessages } from "@/lib/services/interactions/messages";
import { candidates, routingFor } from "@/lib/services/use-cases/routing";
import { errorResponse, fromProvider, GatewayError, retryAfterHeader, toGatewayError } from "./errors";
import { type CallRecord, finishCall, type Usage } from "./record";
import { ChatRequest, forwardedParams, recordedParams } from "./request";
import { relayStream } from "./stream";
import { callUpstream } from "./upstream";

// A provider 5xx, a timeout or an unreachable host: the next model may still answer (a caller that went away is not retried).
const canFallBack = (error: unknown) => error instanceof ProviderError && ["server_error", "timeout", "network"].includes(error.kind);

/** POST /api/v1/chat/completions: routes to the use case's model, relays its answer in OpenAI's format and logs it. */
export async function chatCompletions(ctx: ProjectCtx, raw: unknown, request: Request, requestId: string): Promise<Response> {
  const input = ChatRequest.parse(raw);
  const routing = await routingFor(ctx.project.id, request.headers.get("x-yardstick-use-case") ?? input.use_case);
  const arm = await chooseAbArm(routing, { model: input.model, user: input.user, abCampaign: input.ab_campaign, abArm: input.ab_arm });
  const list = candidates(routing, arm?.modelKey ?? input.model);
  const id = randomUUID();
  const params = forwardedParams(input);
  const stream = input.stream === true;
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
  const estimated = estimateTokens(messageChars(record.base.messages));
  for (const [i, { model }] of list.entries()) {
    const claim = await tryAcquireRate(model.id, { rpm: model.rpmLimit, tpm: model.tpmLimit }, estimated);
    if (!claim.ok) {
      const error = new GatewayError(
        429,
        `Model ${model.key} reached its rate limit`,
        "rate_limit_error",
        "rate_limit_exceeded",
        null,
        retryAfterHeader(claim.retryAfterMs),
      );
      finishCall(record, model, { texts: [], error });
      return errorResponse(error, requestId);
    }
    try {
      const reply = await callUpstream({
        model,
        kind: "chat",
        params,
        stream,
        timeoutMs: env().YARDSTICK_GATEWAY_TIMEOUT_MS,
        signal: request.signal,
      });
      const headers = { "x-yardstick-completion-id": id, "x-yardstick-model": model.key };
      if (reply.kind === "stream")
        return relayStream(reply.events, { record, model, id, includeUsage: input.stream_options?.include_usage === true, headers });
      const json: Record<string, unknown> = { ...reply.json, id, model: model.key };
      const choices = (json.choices ?? []) as { message?: { content?: unknown } }[];
      finishCall(record, model, {
        texts: choices.map((c) => (typeof c.message?.content === "string" ? c.message.content : "")),
        usage: json.usage as Usage,
      });
      return new Response(JSON.stringify(json), { headers: { "content-type": "application/json", ...headers } });
    } catch (error) {
      if (canFallBack(error) && !request.signal.aborted && i < list.length - 1) {
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
