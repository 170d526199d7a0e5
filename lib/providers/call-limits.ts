import { acquire } from "./keyed-slots";
import type { ModelRow } from "./model-endpoint";
import { acquireRate, settleTokens } from "./rate-limit";

/**
 * Takes one of the model's `max_concurrency` slots (none when unbounded) and returns its release.
 * Callers that also hold a slot of their own (a run's) take theirs first, so no cycle can form.
 */
export async function acquireModelSlot(model: ModelRow, priority = 0): Promise<() => void> {
  if (!model.maxConcurrency) return () => {};
  return acquire(`model:${model.id}`, model.maxConcurrency, priority);
}

/** Claims a request (and `tokens` estimated tokens) in the model's rpm/tpm window; waits while it is full. */
export const claimRate = (model: ModelRow, tokens: number, signal?: AbortSignal) =>
  acquireRate(model.id, { rpm: model.rpmLimit, tpm: model.tpmLimit }, tokens, signal);

/** Replaces the estimate with the real token count once the provider reports it. */
export async function settleRate(model: ModelRow, estimated: number, actual: number): Promise<void> {
  if (model.tpmLimit) await settleTokens(model.id, estimated, actual);
}
