import { randomUUID } from "node:crypto";
import { authorize, type ProjectCtx } from "@/lib/auth/context";
import { type Capability, roleFor } from "@/lib/auth/permissions";
import { projectCaller, type RouteSpec, readJson } from "@/lib/http/route";
import { errorResponse, toGatewayError } from "./errors";

const REQUIRES: Capability = "gateway.use";

const MAX_BODY = 20 * 1024 * 1024;

/** The gateway's boundary: same authentication and capability check as projectRoute, OpenAI-shaped errors. */
export function gatewayRoute(
  handler: (input: { ctx: ProjectCtx; body: unknown; request: Request; requestId: string }) => Promise<Response>,
) {
  const route = async (request: Request): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const [ctx, body] = await Promise.all([
        projectCaller(request).then((caller) => authorize(caller, REQUIRES)),
        readJson(request, MAX_BODY),
      ]);
      const response = await handler({ ctx, body, request, requestId });
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
