import type { Readable } from "node:stream";
import { request } from "undici";
import { outboundAgent } from "@/lib/providers/agent";
import { ProviderError, providerMessage, retryAfterMs } from "@/lib/providers/chat-client";
import { deepMerge } from "@/lib/providers/deep-merge";
import { assertSafeLiteralHost } from "@/lib/providers/url-safety";
import { endpointOf } from "@/lib/services/models/test-connection";
import type { Model } from "@/lib/services/use-cases/routing";
import { simulatedEmbedding, simulatedReply, simulatedTiming } from "./simulated";

// The gateway's one way to reach a model. It sits on the existing provider pieces (agent with guarded
// DNS, URL checks, secrets, simulated models) and can be swapped for a shared callModel() later.

export type UpstreamCall = {
  model: Model;
  kind: "chat" | "embeddings";
  params: Record<string, unknown>;
  stream: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
};

/** A JSON body, or a stream of server-sent `data:` payloads (ending with "[DONE]"). */
export type UpstreamReply = { kind: "json"; json: Record<string, unknown> } | { kind: "stream"; events: AsyncIterable<string> };

const endpoints = new WeakMap<Model, ReturnType<typeof endpointOf>>();
function endpointFor(model: Model) {
  let endpoint = endpoints.get(model);
  if (!endpoint) {
    endpoint = endpointOf(model);
    endpoints.set(model, endpoint);
  }
  return endpoint;
}

const embeddingsUrl = (chatUrl: string) => chatUrl.replace(/\/chat\/completions\/?$/, "/embeddings");

/** Splits a server-sent-events body into its `data:` payloads as the bytes arrive. */
async function* sseData(body: Readable): AsyncIterable<string> {
  let buffer = "";
  body.setEncoding("utf8");
  for await (const piece of body as AsyncIterable<string>) {
    buffer += piece;
    let newline = buffer.indexOf("\n");
    while (newline >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      if (line.startsWith("data:")) yield line.slice(5).trim();
      newline = buffer.indexOf("\n");
    }
  }
  if (buffer.startsWith("data:")) yield buffer.slice(5).trim();
}

async function callHttp(call: UpstreamCall): Promise<UpstreamReply> {
  const endpoint = endpointFor(call.model);
  const url = new URL(call.kind === "chat" ? endpoint.url : embeddingsUrl(endpoint.url));
  const payload =
    call.kind === "chat"
      ? {
          ...deepMerge(call.params, endpoint.extraPayload ?? {}),
          model: endpoint.model,
          stream: call.stream,
          ...(call.stream ? { stream_options: { include_usage: true } } : {}),
        }
      : { ...call.params, model: endpoint.model };
  try {
    assertSafeLiteralHost(url);
    const response = await request(url, {
      method: "POST",
      dispatcher: outboundAgent,
      signal: call.signal,
      headersTimeout: call.timeoutMs,
      bodyTimeout: call.timeoutMs,
      headers: {
        "content-type": "application/json",
        accept: call.stream ? "text/event-stream" : "application/json",
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify(payload),
    });
    const status = response.statusCode;
    if (status >= 200 && status < 300 && call.stream) return { kind: "stream", events: sseData(response.body) };
    const text = await response.body.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      if (status < 300) throw new ProviderError("malformed", `Response is not valid JSON: ${text.slice(0, 120)}`, status);
    }
    if (status >= 200 && status < 300) return { kind: "json", json: json as Record<string, unknown> };
    const retryAfter = retryAfterMs((response.headers["retry-after"] as string | undefined) ?? null);
    if (status === 429) throw new ProviderError("rate_limited", providerMessage(json, "Rate limited (429)"), 429, retryAfter);
    if (status >= 500) throw new ProviderError("server_error", providerMessage(json, `Server error (${status})`), status, retryAfter);
    throw new ProviderError("client_error", providerMessage(json, `Request rejected (${status})`), status);
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "UND_ERR_HEADERS_TIMEOUT" || code === "UND_ERR_BODY_TIMEOUT")
      throw new ProviderError("timeout", `No response within ${call.timeoutMs} ms`);
    if (call.signal?.aborted) throw new ProviderError("network", "The caller went away");
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === "EREFUSED_UNSAFE" || String((error as Error).message).startsWith("Refused"))
      throw new ProviderError("refused", cause?.message ?? (error as Error).message);
    throw new ProviderError("network", `Could not reach ${url.host}: ${cause?.code ?? code ?? (error as Error).message}`);
  }
}

/** Waits `ms`, or less if the caller goes away; the abort listener is removed either way. */
const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });

const lastUserText = (params: Record<string, unknown>) => {
  const messages = (params.messages ?? []) as { role?: string; content?: unknown }[];
  const last = messages.findLast((m) => m.role === "user");
  return typeof last?.content === "string" ? last.content : JSON.stringify(last?.content ?? "");
};

/** Simulated models answer in the same shapes as a provider, with their configured latency. */
async function callSimulated(call: UpstreamCall): Promise<UpstreamReply> {
  const { model } = call;
  const config = model.simulation ?? { seed: 0, accuracy: 1, latencyMs: { mean: 0, stddev: 0 } };
  const created = Math.floor(Date.now() / 1000);
  if (call.kind === "embeddings") {
    const input = call.params.input;
    const texts = Array.isArray(input) ? input.map((t) => (typeof t === "string" ? t : JSON.stringify(t))) : [String(input)];
    const data = texts.map((t, index) => ({ object: "embedding", index, embedding: simulatedEmbedding(config.seed, t) }));
    const tokens = Math.ceil(texts.join("").length / 4);
    return { kind: "json", json: { object: "list", data, model: model.key, usage: { prompt_tokens: tokens, total_tokens: tokens } } };
  }
  const prompt = lastUserText(call.params);
  const n = typeof call.params.n === "number" ? call.params.n : 1;
  const texts = Array.from({ length: n }, (_, i) => simulatedReply(config, model.name, prompt, i));
  const promptTokens = Math.ceil(JSON.stringify(call.params.messages ?? []).length / 4);
  const completionTokens = texts.reduce((s, t) => s + Math.ceil(t.length / 4), 0);
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  const timing = simulatedTiming(config, prompt);
  const base = { id: "simulated", created, model: model.key };
  if (!call.stream) {
    await sleep(timing.total, call.signal);
    const choices = texts.map((content, index) => ({ index, message: { role: "assistant", content }, finish_reason: "stop" }));
    return { kind: "json", json: { ...base, object: "chat.completion", choices, usage } };
  }
  async function* events(): AsyncIterable<string> {
    await sleep(timing.firstToken, call.signal);
    const words = texts.map((t) => t.match(/\S+\s*/g) ?? []);
    const steps = Math.max(...words.map((w) => w.length));
    for (let step = 0; step < steps; step++) {
      if (step > 0) await sleep((timing.total - timing.firstToken) / steps, call.signal);
      const choices = words.flatMap((w, index) =>
        w[step] ? [{ index, delta: { ...(step === 0 ? { role: "assistant" } : {}), content: w[step] }, finish_reason: null }] : [],
      );
      yield JSON.stringify({ ...base, object: "chat.completion.chunk", choices });
    }
    yield JSON.stringify({
      ...base,
      object: "chat.completion.chunk",
      choices: texts.map((_, index) => ({ index, delta: {}, finish_reason: "stop" })),
    });
    yield JSON.stringify({ ...base, object: "chat.completion.chunk", choices: [], usage });
    yield "[DONE]";
  }
  return { kind: "stream", events: events() };
}

export function callUpstream(call: UpstreamCall): Promise<UpstreamReply> {
  if (call.model.endpointType === "simulated") return callSimulated(call);
  return callHttp(call);
}
