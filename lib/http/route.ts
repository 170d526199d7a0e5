import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { type Actor, type ProjectCtx, projectContext } from "@/lib/auth/context";
import type { Role } from "@/lib/auth/roles";
import { sessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { resolveToken } from "@/lib/services/tokens/tokens";
import { problemFromError, zodFieldErrors } from "./problem";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Spec<P, Q, B> = { params?: P; query?: Q; body?: B; status?: number; maxBodyBytes?: number };

type Input<P, Q, B> = { params: Out<P>; query: Out<Q>; body: Out<B>; request: Request; requestId: string };

type RouteContext = { params: Promise<Record<string, string | string[]>> };

const DEFAULT_MAX_BODY = 1024 * 1024;

async function parse<S extends Schema | undefined>(schema: S, value: unknown, where: string): Promise<Out<S>> {
  if (!schema) return undefined as Out<S>;
  const result = await schema.safeParseAsync(value);
  if (!result.success) throw new AppError("bad_request", `Invalid ${where}`, zodFieldErrors(result.error, where === "body" ? "" : where));
  return result.data as Out<S>;
}

export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON");
  }
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const all = url.searchParams.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] as string);
  }
  return out;
}

/** Bearer token first; otherwise the session cookie, which must come from our own origin for writes. */
export async function authenticate(request: Request): Promise<{ actor: Actor; tokenProjectId?: string }> {
  const header = request.headers.get("authorization");
  if (header) {
    const [scheme, token] = header.split(" ");
    const resolved = scheme?.toLowerCase() === "bearer" && token ? await resolveToken(token) : null;
    if (!resolved) throw new AppError("unauthorized", "The API token is invalid, expired or revoked");
    return { actor: resolved.actor, tokenProjectId: resolved.projectId };
  }
  // No cookie means no session: skip decoding one.
  const actor = request.headers.get("cookie") ? await sessionActor() : null;
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API token as 'Authorization: Bearer ys_…'");
  const origin = request.headers.get("origin");
  // Compare with the Host the browser used: behind `next start` request.url always says localhost.
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host") ?? new URL(request.url).host;
  if (request.method !== "GET" && origin && new URL(origin).host !== host) {
    throw new AppError("forbidden", "Cross-origin request refused");
  }
  return { actor };
}

function wrap<P, Q, B>(spec: Spec<P, Q, B>, run: (request: Request, input: Input<P, Q, B>) => Promise<unknown>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    const url = new URL(request.url);
    try {
      const params = await parse(spec.params as Schema | undefined, await context.params, "params");
      const query = await parse(spec.query as Schema | undefined, queryObject(url), "query");
      const body = spec.body
        ? await parse(spec.body as unknown as Schema, await readJson(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY), "body")
        : undefined;
      const result = await run(request, { params, query, body, request, requestId } as Input<P, Q, B>);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      const status = spec.status ?? 200;
      return new Response(status === 204 ? null : JSON.stringify(result ?? null), {
        status,
        headers: { ...(status === 204 ? {} : { "content-type": "application/json" }), "x-request-id": requestId },
      });
    } catch (error) {
      return problemFromError(error, url.pathname, requestId);
    }
  };
}

/** A route that needs no authentication (health, token exchange). */
export function publicRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B>, handler: (input: Input<P, Q, B>) => Promise<unknown>) {
  return wrap(spec, (_request, input) => handler(input));
}

/** A route for any signed-in caller, outside a project. */
export function userRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B>, handler: (input: Input<P, Q, B> & { actor: Actor }) => Promise<unknown>) {
  return wrap(spec, async (request, input) => handler({ ...input, actor: (await authenticate(request)).actor }));
}

/**
 * A project-scoped route: the token's project, or for a session the project named by the
 * `X-Yardstick-Project` header or `?project=` (the caller's first project when neither is given).
 */
export function projectRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B> & { role: Role }, handler: (input: Input<P, Q, B> & { ctx: ProjectCtx }) => Promise<unknown>) {
  return wrap(spec, async (request, input) => {
    const { actor, tokenProjectId } = await authenticate(request);
    const named = request.headers.get("x-yardstick-project") ?? new URL(request.url).searchParams.get("project");
    const where = tokenProjectId ? { id: tokenProjectId } : named ? { key: named } : "first";
    const ctx = await projectContext(actor, where, spec.role);
    return handler({ ...input, ctx });
  });
}
