import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { db } from "@/db";
import { modelLeases } from "@/db/schema";
import { ProviderError, pause } from "./chat-client";

/** A lease outlives a stalled renewal this long; a killed worker's slots return after at most this. */
export const LEASE_TTL_MS = 30_000;
const RENEW_EVERY_MS = LEASE_TTL_MS / 3;

const processId = randomUUID();
let held = 0;
let renewer: NodeJS.Timeout | undefined;

/** While this process holds leases, renews them all in one statement, so long calls keep their slots. */
function renewWhileHeld(delta: 1 | -1) {
  held += delta;
  if (held > 0 && !renewer) {
    renewer = setInterval(() => {
      db.execute(
        sql`update ${modelLeases} set expires_at = now() + ${`${LEASE_TTL_MS} milliseconds`}::interval where process = ${processId}`,
      ).catch((error: Error) => console.error("[leases] renewal failed:", error.message));
    }, RENEW_EVERY_MS);
    renewer.unref();
  } else if (held === 0 && renewer) {
    clearInterval(renewer);
    renewer = undefined;
  }
}

/** Claims a free (or expired) slot among the model's `limit`; false when all are taken. */
async function tryClaim(modelId: string, limit: number, token: string, ttlMs: number): Promise<number | null> {
  const expires = sql`now() + ${`${ttlMs} milliseconds`}::interval`;
  // Two claimants may pick the same free slot; the loser's conflict update finds it unexpired and returns nothing.
  const [row] = await db.execute<{ slot: number }>(sql`
    insert into ${modelLeases} (model_id, slot, process, token, expires_at)
    select ${modelId}, s, ${processId}, ${token}, ${expires}
    from generate_series(0, ${limit - 1}) s
    where not exists (select 1 from ${modelLeases} l where l.model_id = ${modelId} and l.slot = s and l.expires_at > now())
    order by random() limit 1
    on conflict (model_id, slot) do update set process = excluded.process, token = excluded.token, expires_at = excluded.expires_at
      where ${modelLeases}.expires_at <= now()
    returning slot`);
  return row ? row.slot : null;
}

/**
 * Takes one of the model's `limit` slots across all worker processes (PostgreSQL rows with an expiry),
 * polling while they are all taken; returns its release. Aborting the signal stops the wait.
 */
export async function acquireLease(
  modelId: string,
  limit: number,
  options: { signal?: AbortSignal; ttlMs?: number } = {},
): Promise<() => Promise<void>> {
  const token = randomUUID();
  for (let wait = 10; ; wait = Math.min(wait * 2, 200)) {
    if (options.signal?.aborted) throw new ProviderError("network", "Cancelled");
    const slot = await tryClaim(modelId, limit, token, options.ttlMs ?? LEASE_TTL_MS);
    if (slot !== null) {
      renewWhileHeld(1);
      return async () => {
        renewWhileHeld(-1);
        await db.execute(sql`delete from ${modelLeases} where model_id = ${modelId} and slot = ${slot} and token = ${token}`);
      };
    }
    await pause(wait * (0.5 + Math.random()), options.signal);
  }
}
