import { projectRoute } from "@/lib/http/route";

/** Request bodies of dataset registration and append-rows carry the rows themselves. */
export const ROWS_BODY_BYTES = 64 * 1024 * 1024;

/**
 * A project route for the Llama Stack API. The official client retries 408, 409, 429 and 5xx without an
 * idempotency key; a 4xx other than 408/429 is final (a duplicate register must not be retried), so say so.
 */
export const llamaStackRoute: typeof projectRoute = (spec, handler) => {
  const inner = projectRoute(spec, handler);
  const noRetry = async (...[request, context]: Parameters<typeof inner>) => {
    const response = await inner(request, context);
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
      response.headers.set("x-should-retry", "false");
    return response;
  };
  return Object.assign(noRetry, { spec: inner.spec, requires: inner.requires });
};
