import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { type CallFailure, callModel } from "@/lib/providers/call-model";
import { ProviderError } from "@/lib/providers/chat-client";
import { simulatedLatencyMs } from "@/lib/providers/simulated";
import { getModelRow } from "./read";

export type ConnectionResult =
  | { ok: true; latency_ms: number; answer: string; simulated: boolean }
  | { ok: false; latency_ms: number; error: string; kind: string; status: number | null };

/** Sends one short chat request through callModel, the path every evaluation call takes. */
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
  if (model.endpointType === "human") throw new AppError("unprocessable", "A human baseline has no endpoint to test");
  try {
    const result = await callModel(model, {
      messages: [{ role: "user", content: "Reply with the single word: pong" }],
      params: { max_tokens: 16 },
      timeoutMs: 15_000,
      maxAttempts: 1,
    });
    return { ok: true, latency_ms: result.latencyMs, answer: result.text.slice(0, 500), simulated: false };
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    const failure = error as CallFailure;
    return { ok: false, latency_ms: failure.latencyMs, error: failure.message, kind: failure.kind, status: failure.status ?? null };
  }
}
