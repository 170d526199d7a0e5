import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { cachedCaller } from "@/lib/auth/caller-cache";
import { type Actor, authorize, type ProjectCtx, projectMember } from "@/lib/auth/context";
import { type Capability, isCapability, roleFor } from "@/lib/auth/permissions";
import type { Role } from "@/lib/auth/roles";
import { sessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { ListenerContext } from "@/lib/server/route-server";
import { resolveToken } from "@/lib/services/tokens/tokens";
import { jsonProblem } from "@/lib/validation/json-input";
import { parseJsonBody } from "./json-body";
import { sameOrigin } from "./same-origin";
import { problemFromError, zodFieldErrors } from "./problem";

type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.infer<S> : undefined;

type Spec<P, Q, B> = { params?: P; query?: Q; body?: B; status?: number; maxBodyBytes?: number };

type Input<P, Q, B> = { params: Out<P>; query: Out<Q>; body: Out<B>; request: Request; requestId: string };

type RouteContext = { params: Promise<Record<string, string | string[]>> };
/** The gateway's listener (lib/server/route-server.ts) hands over the body it has read (its Request has none) and its JSON answer. */
type Listener = Partial<Pick<ListenerContext, "bodyText" | "json">>;

const DEFAULT_MAX_BODY = 1024 * 1024;

/** `value` under the text policy (a body was checked as it was read: readJson) and then the schema. */
async function parse<S extends Schema | undefined>(schema: S, value: unknown, where: string): Promise<Out<S>> {
  const prefix = where === "body" ? "" : where;
  const problem = where === "body" ? undefined : jsonProblem(value, prefix);
  if (problem) throw new AppError("bad_request", `Invalid ${where}: ${problem.message}`, [problem]);
  if (!schema) return undefined as Out<S>;
  const result = await schema.safeParseAsync(value);
  if (!result.success) throw new AppError("bad_request", `Invalid ${where}`, zodFieldErrors(result.error, prefix));
  return result.data as Out<S>;
}

/** The request's JSON body; `text` is the body when the server has read it already (the gateway's listener). */
export async function readJson(request: Request, maxBytes: number, text?: string): Promise<unknown> {
  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > maxBytes) throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes`);
  text ??= await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", `Request body exceeds ${maxBytes} bytes`);
  if (!text.trim()) return {};
  return parseJsonBody(text);
}

/** The query's parameters; without a query string the URL is not parsed (the hot POST routes have none). */
function queryObject(href: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (!href.includes("?")) return out;
  const url = new URL(href);
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
  // Cookie-authenticated writes must come from our own origin.
  const write = request.method !== "GET" && request.method !== "HEAD";
  if (write && !sameOrigin(request.headers, new URL(request.url).host)) throw new AppError("forbidden", "Cross-origin request refused");
  // No cookie means no session: skip decoding one.
  const actor = request.headers.get("cookie") ? await sessionActor() : null;
  if (!actor) throw new AppError("unauthorized", "Sign in or send an API token as 'Authorization: Bearer ys_…'");
  return { actor };
}

/**
 * The caller and their project: the token's project, or for a session the project named by the
 * `X-Yardstick-Project` header or `?project=` (the caller's first project when neither is given).
 * A bearer token's answer is cached briefly (lib/auth/caller-cache.ts); the role is checked by the caller.
 */
export function projectCaller(request: Request): Promise<ProjectCtx> {
  const authorization = request.headers.get("authorization");
  return authorization ? cachedCaller(authorization, () => resolveCaller(request)) : resolveCaller(request);
}

async function resolveCaller(request: Request): Promise<ProjectCtx> {
  const { actor, tokenProjectId } = await authenticate(request);
  const named = request.headers.get("x-yardstick-project") ?? new URL(request.url).searchParams.get("project");
  const bad = named === null ? undefined : jsonProblem({ project: named });
  if (bad) throw new AppError("bad_request", bad.message, [bad]);
  return projectMember(actor, tokenProjectId ? { id: tokenProjectId } : named ? { key: named } : "first");
}

/** Who may call a route; with the spec it is exposed on the handler, so the OpenAPI document reads what the route checks. */
export type RouteAuth = { auth: "public" | "user" | "project"; role?: Role };
export type RouteSpec = Spec<Schema | undefined, Schema | undefined, Schema | undefined> & RouteAuth;

/**
 * Authenticates first (anonymous callers learn nothing about input shapes), then parses params,
 * query and body, then runs the handler; every failure becomes problem+json.
 */
function wrap<P, Q, B, A>(
  spec: Spec<P, Q, B>,
  who: RouteAuth,
  auth: (request: Request) => Promise<A>,
  run: (input: Input<P, Q, B>, auth: A) => Promise<unknown>,
) {
  const handler = async (request: Request, context: RouteContext): Promise<Response> => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || randomUUID();
    try {
      const authenticated = await auth(request);
      const params = await parse(spec.params as Schema | undefined, await context.params, "params");
      const query = await parse(spec.query as Schema | undefined, queryObject(request.url), "query");
      const body = spec.body
        ? await parse(
            spec.body as unknown as Schema,
            await readJson(request, spec.maxBodyBytes ?? DEFAULT_MAX_BODY, (context as Listener).bodyText),
            "body",
          )
        : undefined;
      const result = await run({ params, query, body, request, requestId } as Input<P, Q, B>, authenticated);
      if (result instanceof Response) {
        result.headers.set("x-request-id", requestId);
        return result;
      }
      const status = spec.status ?? 200;
      if (status === 204) return new Response(null, { status, headers: { "x-request-id": requestId } });
      const init = { status, headers: { "content-type": "application/json", "x-request-id": requestId } };
      const json = (context as Listener).json;
      return json ? json(JSON.stringify(result ?? null), init) : new Response(JSON.stringify(result ?? null), init);
    } catch (error) {
      return problemFromError(error, new URL(request.url).pathname, requestId);
    }
  };
  return Object.assign(handler, { spec: { ...spec, ...who } as RouteSpec });
}

/** A route that needs no authentication (health, token exchange). */
export function publicRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B>, handler: (input: Input<P, Q, B>) => Promise<unknown>) {
  return wrap(spec, { auth: "public" }, async () => undefined, handler);
}

/** A route for any signed-in caller, outside a project. */
export function userRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B>, handler: (input: Input<P, Q, B> & { actor: Actor }) => Promise<unknown>) {
  return wrap(spec, { auth: "user" }, authenticate, (input, { actor }) => handler({ ...input, actor }));
}

/** What a project route needs: a capability of the permission map (preferred), or a minimum role. */
type Requirement = { can: Capability } | { role: Role };

/** The lowest role that passes a requirement: what the OpenAPI document tells callers. */
const roleOf = (required: Capability | Role): Role => (isCapability(required) ? roleFor(required) : required);

/** A project-scoped route: the caller's project (see projectCaller), checked against the requirement. */
export function projectRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
>(spec: Spec<P, Q, B> & Requirement, handler: (input: Input<P, Q, B> & { ctx: ProjectCtx }) => Promise<unknown>) {
  const required = "can" in spec ? spec.can : spec.role;
  const auth = async (request: Request) => authorize(await projectCaller(request), required);
  const route = wrap(spec, { auth: "project", role: roleOf(required) }, auth, (input, ctx) => handler({ ...input, ctx }));
  // Read by the permission test, which checks every route against the map.
  return Object.assign(route, { requires: required });
}
