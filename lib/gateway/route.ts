import { randomUUID } from "node:crypto";
import { authorize, type ProjectCtx } from "@/lib/auth/context";
import { type Capability, roleFor } from "@/lib/auth/permissions";
import { projectCaller, type RouteSpec, readJson } from "@/lib/http/route";
import { errorResponse, toGatewayError } from "./errors";

const REQUIRES: Capability = "gateway.use";

const MAX_BODY = 20 * 1024 * 1024;

/** The gateway's boundary: same authentication and capability check as projectRoute, OpenAI-shaped errors. */
export function gatewayRoute(
  handler: (input: { ctx: ProjectCtx; body: unknown; request: Request; requestId: string; signal: AbortSignal }) => Promise<Response>,
) {
  // Next.js passes {params} and a Request whose signal follows the caller; the gateway's own listener
  // (lib/server/route-server.ts) passes the body it has read and the caller's signal instead.
  const route = async (request: Request, context?: unknown): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const listener = context as { bodyText?: string; signal?: AbortSignal } | undefined;
    const signal = listener?.signal ?? request.signal;
    try {
      const [ctx, body] = await Promise.all([
        projectCaller(request).then((caller) => authorize(caller, REQUIRES)),
        readJson(request, MAX_BODY, listener?.bodyText),
      ]);
      const response = await handler({ ctx, body, request, requestId, signal });
      response.headers.set("x-request-id", requestId);
      return response;
    } catch (error) {
      return errorResponse(toGatewayError(error, requestId), requestId);
    }
  };
  // The same exposure as projectRoute's: the OpenAPI document reads `spec`, the permission test `requires`.
  const spec: RouteSpec = { auth: "project", role: roleFor(REQUIRES) };
  return Object.assign(route, { spec, requires: REQUIRES });
}
