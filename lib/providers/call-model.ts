import { AppError } from "@/lib/errors";
import { acquireModelSlot, claimRate, settleRate } from "./call-limits";
import { chatCompletion, ProviderError, pause, type RetryHooks, toUsage, type Usage, type WireMessage } from "./chat-client";
import { type ModelRow, modelEndpoint } from "./model-endpoint";
import { simulatedAnswer, simulatedLatencyMs, unitHash } from "./simulated";
import { simulatedCompletion } from "./simulated-wire";
import { accountCall, type CallUsage, estimateTokens, promptChars } from "./usage";

/** What a simulated model is asked: it answers `truth` with its accuracy as probability, else a distractor. */
export type SimulatedQuestion = { key: string; truth: string; distractors?: string[]; acceptable?: string[] };

export type ModelCall = {
  messages: WireMessage[];
  /** Sampling parameters; the model's extra_payload is merged on top. */
  params?: Record<string, unknown>;
  /** Ask for server-sent events and join them (for servers that only stream); streamModel passes them through. */
  stream?: boolean;
  timeoutMs?: number;
  maxAttempts?: number;
  signal?: AbortSignal;
  simulated?: SimulatedQuestion;
  /** Among waiters for a model slot in this process, the lowest number goes first. */
  priority?: number;
  /** Throw RateLimitFull when the model's rpm/tpm window is full instead of waiting (the gateway must not wait). */
  failFast?: boolean;
  /**
   * Relay OpenAI's wire format (the gateway): the body is the caller's (no Yardstick defaults), `raw` is the
   * provider's reply as sent, streams yield every chunk, and simulated models answer in the same format.
   */
  relay?: boolean;
} & Pick<RetryHooks, "onFailedAttempt">;

export type CallResult = {
  text: string;
  raw: unknown;
  usage: CallUsage;
  latencyMs: number;
  cost: number;
  attempts: number;
  simulated: boolean;
};

/** A failed call: the provider error, with the attempts made and the time spent. */
export type CallFailure = ProviderError & { attempts: number; latencyMs: number };

export const isSimulated = (model: ModelRow) => model.endpointType === "simulated" && model.simulation !== null;

/** Answers without a network, deterministically from the model's seed and the question's key. */
export async function simulate(model: ModelRow, call: ModelCall): Promise<CallResult> {
  const config = model.simulation;
  if (!config) throw new ProviderError("client_error", `Model ${model.key} has no simulation settings`);
  const question = call.simulated ?? {
    key: String(unitHash(JSON.stringify(call.messages))),
    truth: "This is a simulated answer.",
    distractors: ["This is a wrong simulated answer."],
  };
  const latency = simulatedLatencyMs(config, question.key);
  if (latency > 0) await pause(latency, call.signal);
  if (call.signal?.aborted) throw new ProviderError("network", "Cancelled");
  const answer = simulatedAnswer(config, question);
  return {
    text: answer.text,
    raw: { simulated: true, content: answer.text },
    ...accountCall(model, call.messages, answer.text, null),
    latencyMs: Math.round(latency),
    attempts: 1,
    simulated: true,
  };
}

/** A simulated model's reply in OpenAI's wire format, accounted like an HTTP call. */
async function simulateWire(model: ModelRow, call: ModelCall): Promise<CallResult> {
  const config = model.simulation;
  if (!config) throw new ProviderError("client_error", `Model ${model.key} has no simulation settings`);
  const started = performance.now();
  const raw = await simulatedCompletion(model, config, call);
  if (call.signal?.aborted) throw new ProviderError("network", "Cancelled");
  const text = raw.choices[0]?.message.content ?? "";
  return {
    text,
    raw,
    ...accountCall(model, call.messages, text, toUsage(raw.usage as Usage)),
    latencyMs: Math.round(performance.now() - started),
    attempts: 1,
    simulated: true,
  };
}

/** The rate-limit claim every attempt makes, and the correction once real usage is known. */
export function rateHooks(model: ModelRow, call: ModelCall) {
  const estimated = estimateTokens(promptChars(call.messages));
  return {
    beforeAttempt: () => claimRate(model, estimated, call),
    settle: (usage: CallUsage) => settleRate(model, estimated, usage.promptTokens + usage.completionTokens),
  };
}

/** Attaches attempts and elapsed time to whatever a call threw, as a ProviderError. */
export function callFailure(error: unknown, started: number): CallFailure {
  const e = error instanceof ProviderError ? error : new ProviderError("network", (error as Error).message ?? String(error));
  const attempts = (e as Partial<CallFailure>).attempts ?? 1;
  return Object.assign(e, { attempts, latencyMs: Math.round(performance.now() - started) });
}

/**
 * The one way to call a model (runs, the LLM judge, test connection, the gateway): simulated or over
 * HTTP, inside the model's concurrency slot and rpm/tpm limits (held across worker processes), with
 * retries, URL safety, token and cost accounting. Throws a CallFailure.
 */
export async function callModel(model: ModelRow, call: ModelCall): Promise<CallResult> {
  const started = performance.now();
  const release = await acquireModelSlot(model, call.priority, call.signal);
  try {
    // A model without rpm/tpm limits has nothing to claim: no estimate, hooks or awaits per call.
    const rate = model.rpmLimit || model.tpmLimit ? rateHooks(model, call) : undefined;
    if (isSimulated(model)) {
      if (!call.relay) return await simulate(model, call);
      await rate?.beforeAttempt();
      const result = await simulateWire(model, call);
      await rate?.settle(result.usage);
      return result;
    }
    const result = await chatCompletion(modelEndpoint(model), call.messages, { ...call, beforeAttempt: rate?.beforeAttempt });
    const accounted = accountCall(model, call.messages, result.text, result.usage);
    await rate?.settle(accounted.usage);
    return {
      text: result.text,
      raw: result.raw,
      ...accounted,
      latencyMs: Math.round(result.latencyMs),
      attempts: result.attempts,
      simulated: false,
    };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw callFailure(error, started);
  } finally {
    await release();
  }
}
