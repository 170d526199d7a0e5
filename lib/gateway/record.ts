import type { InteractionAttempt } from "@/db/schema";
import { settleTokens } from "@/lib/jobs/rate-limit";
import { logInteraction, type NewInteraction } from "@/lib/services/interactions/log-buffer";
import { estimateTokens, messageChars } from "@/lib/services/interactions/messages";
import type { Model } from "@/lib/services/use-cases/routing";
import { GatewayError } from "./errors";

export type Usage = { prompt_tokens?: number; completion_tokens?: number };

/** What one call knows so far; turned into its interaction row when it ends, however it ends. */
export type CallRecord = {
  base: Omit<NewInteraction, "modelId">;
  started: number;
  attempts: InteractionAttempt[];
  end: () => void;
};

const price = (model: Model, tin: number, tout: number) => ((model.priceInputPerM ?? 0) * tin + (model.priceOutputPerM ?? 0) * tout) / 1e6;

/** Logs the call's interaction (batched, off the request path) and settles the model's token count. */
export function finishCall(
  record: CallRecord,
  model: Model,
  outcome: { texts: string[]; usage?: Usage | null; ttftMs?: number | null; error?: GatewayError | string },
): void {
  const messages = record.base.messages;
  const estimatedIn = estimateTokens(messageChars(messages));
  const tin = outcome.usage?.prompt_tokens ?? (outcome.texts.length ? estimatedIn : 0);
  const tout = outcome.usage?.completion_tokens ?? estimateTokens(outcome.texts.join("").length);
  const error = outcome.error;
  logInteraction({
    ...record.base,
    modelId: model.id,
    completion: outcome.texts[0] ?? null,
    completions: outcome.texts,
    tokensIn: tin,
    tokensOut: tout,
    latencyMs: Math.round(performance.now() - record.started),
    ttftMs: outcome.ttftMs === undefined || outcome.ttftMs === null ? null : Math.round(outcome.ttftMs),
    cost: price(model, tin, tout),
    status: error ? "error" : "ok",
    errorStatus: error instanceof GatewayError ? error.status : null,
    error: error ? (typeof error === "string" ? error : error.message) : null,
    attempts: record.attempts,
  });
  if (model.tpmLimit && !error) void settleTokens(model.id, estimatedIn, tin + tout).catch(() => {});
  record.end();
}
