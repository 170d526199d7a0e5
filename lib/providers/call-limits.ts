import { ProviderError } from "./chat-client";
import { acquire } from "./keyed-slots";
import { acquireLease } from "./model-leases";
import type { ModelRow } from "./model-endpoint";
import { acquireRate, settleTokens, tryAcquireRate } from "./rate-limit";

/**
 * Takes one of the model's `max_concurrency` slots (none when unbounded) and returns its release. The
 * bound holds across all worker processes (leases in PostgreSQL); an in-process queue in front keeps a
 * process from polling for more slots than exist and serves its waiters by priority. Callers that hold
 * a slot of their own (a run's) take theirs first, so no cycle can form.
 */
export async function acquireModelSlot(model: ModelRow, priority = 0, signal?: AbortSignal): Promise<() => Promise<void>> {
  const limit = model.maxConcurrency;
  if (!limit) return async () => {};
  const releaseLocal = await acquire(`model:${model.id}`, limit, priority);
  try {
    const releaseLease = await acquireLease(model.id, limit, { signal });
    return async () => {
      // An unreleased lease expires on its own: a failed delete must not fail the call it ended.
      await releaseLease().catch((error: Error) => console.error("[leases] release failed:", error.message));
      releaseLocal();
    };
  } catch (error) {
    releaseLocal();
    throw error;
  }
}

/** The model's own rpm/tpm window is full, for a caller that must not wait (the gateway answers 429 with Retry-After). */
export class RateLimitFull extends ProviderError {
  constructor(model: ModelRow, retryAfterMs: number) {
    super("rate_limited", `Model ${model.key} reached its rate limit`, undefined, retryAfterMs);
  }
  // Retrying would be waiting, which is what the caller asked not to do.
  override get retryable(): boolean {
    return false;
  }
}

/**
 * Claims a request (and `tokens` estimated tokens) in the model's rpm/tpm window; waits while it is
 * full, or with `failFast` throws RateLimitFull at once. A model without limits costs no query.
 */
export async function claimRate(model: ModelRow, tokens: number, options: { signal?: AbortSignal; failFast?: boolean } = {}) {
  const limits = { rpm: model.rpmLimit, tpm: model.tpmLimit };
  if (!options.failFast) return acquireRate(model.id, limits, tokens, options.signal);
  const claim = await tryAcquireRate(model.id, limits, tokens);
  if (!claim.ok) throw new RateLimitFull(model, claim.retryAfterMs);
}

/** Replaces the estimate with the real token count once the provider reports it. */
export async function settleRate(model: ModelRow, estimated: number, actual: number): Promise<void> {
  if (model.tpmLimit) await settleTokens(model.id, estimated, actual);
}
