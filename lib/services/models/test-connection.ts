import type { models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { chatCompletion, ProviderError } from "@/lib/providers/chat-client";
import { chatCompletionsUrl } from "@/lib/providers/endpoint-url";
import { decryptSecret } from "@/lib/providers/secrets";
import { simulatedLatencyMs } from "@/lib/providers/simulated";
import { getModelRow } from "./read";

export type ConnectionResult =
  | { ok: true; latency_ms: number; answer: string; simulated: boolean }
  | { ok: false; latency_ms: number; error: string; kind: string; status: number | null };

export function endpointOf(model: typeof models.$inferSelect) {
  if (!model.apiUrl) throw new AppError("unprocessable", "This model has no endpoint yet: set api_url first");
  return {
    // Rows saved before URLs were normalised may hold the base URL.
    url: chatCompletionsUrl(model.apiUrl),
    apiKey: model.apiKeyCiphertext ? decryptSecret(model.apiKeyCiphertext) : null,
    model: model.providerModel ?? model.key,
    extraPayload: model.extraPayload,
  };
}

/** Sends one short chat request through the same client the evaluation worker uses. */
export async function testConnection(ctx: ProjectCtx, id: string): Promise<ConnectionResult> {
  const { model } = await getModelRow(ctx, { id });
  if (model.endpointType === "simulated" && model.simulation) {
    const latency = simulatedLatencyMs(model.simulation, "connection-test");
    return {
      ok: true,
      latency_ms: Math.round(latency),
      answer: `Simulated model ${model.name} is ready (no network used).`,
      simulated: true,
    };
  }
  if (model.endpointType === "none") throw new AppError("unprocessable", "This catalog model needs an endpoint before it can run");
  const started = performance.now();
  try {
    const result = await chatCompletion(endpointOf(model), [{ role: "user", content: "Reply with the single word: pong" }], {
      params: { max_tokens: 16 },
      timeoutMs: 15_000,
      maxAttempts: 1,
    });
    return { ok: true, latency_ms: Math.round(result.latencyMs), answer: result.text.slice(0, 500), simulated: false };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    return {
      ok: false,
      latency_ms: Math.round(performance.now() - started),
      error: error.message,
      kind: error.kind,
      status: error.status ?? null,
    };
  }
}
