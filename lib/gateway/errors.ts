import { z } from "zod";
import { AppError, statusOf } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http/problem";
import type { ProviderError } from "@/lib/providers/chat-client";

/** An error the gateway answers in OpenAI's shape, so SDKs raise their own error classes. */
export class GatewayError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly type: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "GatewayError";
  }
}

const typeOf: Record<number, [string, string | null]> = {
  400: ["invalid_request_error", null],
  401: ["invalid_request_error", "invalid_api_key"],
  403: ["permission_error", "insufficient_permissions"],
  404: ["invalid_request_error", "not_found"],
  409: ["invalid_request_error", "conflict"],
  413: ["invalid_request_error", "request_too_large"],
  422: ["invalid_request_error", "unprocessable"],
  429: ["rate_limit_error", "rate_limit_exceeded"],
};

/** Retry-After in whole seconds (at least 1), as SDKs read it. */
export const retryAfterHeader = (ms: number) => ({ "retry-after": String(Math.max(1, Math.ceil(ms / 1000))) });

/** What a provider's failure becomes for the caller: its 429 stays a 429, timeouts are 504, the rest 502. */
export function fromProvider(error: ProviderError, modelKey: string): GatewayError {
  if (error.kind === "rate_limited")
    return new GatewayError(
      429,
      `Model ${modelKey} is rate limited by its provider: ${error.message}`,
      "rate_limit_error",
      "rate_limit_exceeded",
      null,
      retryAfterHeader(error.retryAfterMs ?? 1000),
    );
  if (error.kind === "timeout")
    return new GatewayError(504, `Model ${modelKey} did not answer in time: ${error.message}`, "timeout_error", "upstream_timeout");
  if (error.kind === "client_error" && error.status && error.status < 500)
    return new GatewayError(
      error.status === 404 ? 502 : error.status,
      `Model ${modelKey} rejected the request: ${error.message}`,
      "invalid_request_error",
      "upstream_rejected",
    );
  return new GatewayError(502, `Model ${modelKey} failed: ${error.message}`, "upstream_error", error.kind);
}

export function toGatewayError(error: unknown, requestId: string): GatewayError {
  if (error instanceof GatewayError) return error;
  if (error instanceof AppError) {
    const status = statusOf[error.code];
    const [type, code] = typeOf[status] ?? ["invalid_request_error", null];
    const param = error.errors[0]?.path || null;
    const detail =
      error.errors[0] && error.errors[0].message !== error.message
        ? `${error.message}: ${error.errors[0].path} ${error.errors[0].message}`
        : error.message;
    return new GatewayError(status, detail, type, code, param, error.headers);
  }
  if (error instanceof z.ZodError) {
    const first = zodFieldErrors(error)[0];
    return new GatewayError(
      400,
      first ? `${first.path}: ${first.message}` : "Invalid request",
      "invalid_request_error",
      null,
      first?.path ?? null,
    );
  }
  console.error(`[${requestId}] gateway`, error);
  return new GatewayError(500, `Something went wrong on our side (request ${requestId})`, "server_error");
}

export function errorResponse(error: GatewayError, requestId: string): Response {
  const body = { error: { message: error.message, type: error.type, code: error.code, param: error.param } };
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": "application/json", "x-request-id": requestId, ...error.headers },
  });
}
