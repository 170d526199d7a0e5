import { z } from "zod";
import { AppError, type FieldError, statusOf } from "@/lib/errors";

const titles: Record<number, string> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  409: "Conflict",
  413: "Payload Too Large",
  415: "Unsupported Media Type",
  422: "Unprocessable Content",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export function zodFieldErrors(error: z.ZodError, prefix = ""): FieldError[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

/** An RFC 7807 problem document. */
export function problem(
  status: number,
  detail: string,
  opts: { instance?: string; errors?: FieldError[]; headers?: Record<string, string>; requestId?: string } = {},
): Response {
  const body = {
    type: `https://yardstick.dev/problems/${status}`,
    title: titles[status] ?? "Error",
    status,
    detail,
    instance: opts.instance,
    errors: opts.errors ?? [],
    request_id: opts.requestId,
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...(opts.requestId ? { "x-request-id": opts.requestId } : {}), ...opts.headers },
  });
}

/** Maps any thrown value to a problem response; unexpected errors are logged and never leak details. */
export function problemFromError(error: unknown, instance: string, requestId: string): Response {
  if (error instanceof AppError) {
    return problem(statusOf[error.code], error.message, { instance, errors: error.errors, headers: error.headers, requestId });
  }
  if (error instanceof z.ZodError) {
    return problem(400, "The request is not valid", { instance, errors: zodFieldErrors(error), requestId });
  }
  console.error(`[${requestId}] ${instance}`, error);
  return problem(500, `Something went wrong on our side (request ${requestId})`, { instance, requestId });
}
