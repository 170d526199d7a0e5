import { sql } from "drizzle-orm";
import { db } from "@/db";

type Limits = { rpm: number | null; tpm: number | null };

// ISO strings: drizzle passes timestamps to postgres.js untouched, and raw Date parameters fail.
const windowStart = (now: number) => new Date(Math.floor(now / 60_000) * 60_000).toISOString();

/**
 * Claims one request (and `tokens` tokens) in the model's current minute if it has room; otherwise
 * answers how long until the next window. One fixed window per model per minute, counted in Postgres,
 * so the limit holds across every worker and gateway process at once.
 */
export async function tryAcquireRate(
  modelId: string,
  limits: Limits,
  tokens: number,
): Promise<{ ok: true } | { ok: false; retryAfterMs: number }> {
  if (!limits.rpm && !limits.tpm) return { ok: true };
  const rpm = limits.rpm ?? 2 ** 31 - 1;
  const tpm = limits.tpm ?? 2 ** 31 - 1;
  const now = Date.now();
  const start = windowStart(now);
  const claimed = await db.execute(sql`
    insert into rate_windows (model_id, window_start, requests, tokens)
    values (${modelId}, ${start}, 1, ${tokens})
    on conflict (model_id, window_start) do update
      set requests = rate_windows.requests + 1, tokens = rate_windows.tokens + ${tokens}
      where rate_windows.requests < ${rpm} and (rate_windows.tokens + ${tokens} <= ${tpm} or rate_windows.tokens = 0)
    returning requests`);
  return claimed.length > 0 ? { ok: true } : { ok: false, retryAfterMs: Date.parse(start) + 60_000 - now };
}

/** Waits until the model's current minute has room for one more request, then claims it. */
export async function acquireRate(modelId: string, limits: Limits, tokens: number, signal?: AbortSignal): Promise<void> {
  for (;;) {
    if (signal?.aborted) throw new Error("Cancelled");
    const claim = await tryAcquireRate(modelId, limits, tokens);
    if (claim.ok) return;
    // Full: sleep into the next window, spread out so waiting workers do not all wake at once.
    await new Promise((r) => setTimeout(r, claim.retryAfterMs + Math.random() * 250));
  }
}

/** Corrects the window's token count once the real usage is known. */
export async function settleTokens(modelId: string, estimated: number, actual: number): Promise<void> {
  if (actual === estimated) return;
  await db.execute(sql`
    update rate_windows set tokens = greatest(0, tokens + ${actual - estimated})
    where model_id = ${modelId} and window_start = ${windowStart(Date.now())}`);
}

/** Old windows are only history; keep the table small. */
export async function pruneRateWindows(): Promise<void> {
  await db.execute(sql`delete from rate_windows where window_start < now() - interval '10 minutes'`);
}
