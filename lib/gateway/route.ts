import { randomUUID } from "node:crypto";
import { type ProjectCtx, projectContext } from "@/lib/auth/context";
import { type Capability, roleFor } from "@/lib/auth/permissions";
import { authenticate, type RouteSpec, readJson } from "@/lib/http/route";
import { errorResponse, toGatewayError } from "./errors";

// Bearer tokens resolved in the last CACHE_MS are reused: the gateway's hot path stays off the database.
// A revoked token or a changed role therefore reaches the gateway within CACHE_MS.
const CACHE_MS = 2000;
const REQUIRES: Capability = "gateway.use";
const tokenCache = new Map<string, { at: number; ctx: Promise<ProjectCtx> }>();

async function resolve(request: Request): Promise<ProjectCtx> {
  const { actor, tokenProjectId } = await authenticate(request);
  const named = request.headers.get("x-yardstick-project") ?? new URL(request.url).searchParams.get("project");
  const where = tokenProjectId ? { id: tokenProjectId } : named ? { key: named } : "first";
  return projectContext(actor, where, REQUIRES);
}

function cachedContext(request: Request): Promise<ProjectCtx> {
  const authorization = request.headers.get("authorization");
  if (!authorization) return resolve(request);
  const hit = tokenCache.get(authorization);
  if (hit && performance.now() - hit.at < CACHE_MS) return hit.ctx;
  if (tokenCache.size > 10_000) tokenCache.clear();
  const ctx = resolve(request);
  tokenCache.set(authorization, { at: performance.now(), ctx });
  ctx.catch(() => tokenCache.delete(authorization));
  return ctx;
}

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
      const [ctx, body] = await Promise.all([cachedContext(request), readJson(request, MAX_BODY, listener?.bodyText)]);
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
