import type { ProjectCtx } from "./context";

// A bearer token resolved to its project and role in the last CACHE_MS is reused by every route, REST and
// gateway alike, so hot paths (gateway calls, feedback) stay off the database. Revoking a token or changing
// a member reaches this process at once (forgetCallers) and other processes within CACHE_MS.
const CACHE_MS = 2000;
const MAX_ENTRIES = 10_000;
const callers = new Map<string, { at: number; ctx: Promise<ProjectCtx> }>();

/** The caller behind an Authorization header: cached when `resolve` succeeds, resolved again after CACHE_MS. */
export function cachedCaller(authorization: string, resolve: () => Promise<ProjectCtx>): Promise<ProjectCtx> {
  const hit = callers.get(authorization);
  if (hit && performance.now() - hit.at < CACHE_MS) return hit.ctx;
  if (callers.size >= MAX_ENTRIES) callers.clear();
  const ctx = resolve();
  callers.set(authorization, { at: performance.now(), ctx });
  ctx.catch(() => callers.delete(authorization));
  return ctx;
}

/** Called where tokens, memberships or roles change, so this process never serves a stale caller. */
export function forgetCallers(): void {
  callers.clear();
}
