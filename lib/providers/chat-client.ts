import { request } from "undici";
import { outboundAgent } from "./agent";
import { deepMerge } from "./deep-merge";
import { assertSafeLiteralHost } from "./url-safety";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };

export type Endpoint = {
  url: string;
  apiKey?: string | null;
  model: string;
  extraPayload?: Record<string, unknown>;
};

export type ChatOptions = {
  params?: Record<string, unknown>;
  /** Ask for server-sent events and join the deltas (some servers only stream). */
  stream?: boolean;
  timeoutMs?: number;
  maxAttempts?: number;
  signal?: AbortSignal;
};

export type ChatResult = {
  text: string;
  raw: unknown;
  usage: { promptTokens: number; completionTokens: number } | null;
  latencyMs: number;
  attempts: number;
};

export type ProviderErrorKind = "rate_limited" | "server_error" | "timeout" | "malformed" | "client_error" | "network" | "refused";

const RETRYABLE: ProviderErrorKind[] = ["rate_limited", "server_error", "timeout", "malformed", "network"];

export class ProviderError extends Error {
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = "ProviderError";
  }
  get retryable(): boolean {
    return RETRYABLE.includes(this.kind);
  }
}

const MAX_REDIRECTS = 3;
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function buildBody(endpoint: Endpoint, messages: ChatMessage[], params: Record<string, unknown> = {}, stream = false) {
  // Yardstick's defaults, then the run's sampling parameters, then the model's extra_payload on top.
  const merged = deepMerge(deepMerge({ temperature: 0 }, params), endpoint.extraPayload ?? {});
  return { ...merged, model: endpoint.model, messages, stream, ...(stream ? { stream_options: { include_usage: true } } : {}) };
}

type Usage = { prompt_tokens?: number; completion_tokens?: number };

const toUsage = (usage: Usage | undefined) =>
  usage && typeof usage.prompt_tokens === "number"
    ? { promptTokens: usage.prompt_tokens, completionTokens: usage.completion_tokens ?? 0 }
    : null;

/** Joins a server-sent-events answer's deltas; a stream that stops before [DONE] is malformed. */
export function parseSse(text: string): { content: string; usage: Usage | undefined; chunks: number } {
  let content = "";
  let usage: Usage | undefined;
  let chunks = 0;
  for (const line of text.split(/\r?\n/)) {
    if (!line.startsWith("data:")) continue;
    const data = line.slice(5).trim();
    if (data === "[DONE]") return { content, usage, chunks };
    let chunk: { choices?: { delta?: { content?: unknown } }[]; usage?: Usage };
    try {
      chunk = JSON.parse(data);
    } catch {
      throw new ProviderError("malformed", `Stream chunk is not valid JSON: ${data.slice(0, 120)}`);
    }
    chunks += 1;
    const delta = chunk.choices?.[0]?.delta?.content;
    if (typeof delta === "string") content += delta;
    if (chunk.usage) usage = chunk.usage;
  }
  throw new ProviderError("malformed", "The stream ended without [DONE]");
}

export function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

// Retry-After is honoured up to a minute, so one call cannot hold a worker for hours (or until a far-off
// date); if the limit persists the call fails, and the error's retryAfterMs lets the caller reschedule.
const MAX_RETRY_AFTER_MS = 60_000;

/** Exponential backoff with full jitter, at least what the server asked for in Retry-After (capped). */
export function backoffMs(attempt: number, retryAfter?: number): number {
  const exp = Math.min(30_000, 250 * 2 ** (attempt - 1));
  return Math.max(Math.min(retryAfter ?? 0, MAX_RETRY_AFTER_MS), Math.random() * exp);
}

export function providerMessage(body: unknown, fallback: string): string {
  const error = (body as { error?: { message?: unknown } | string } | null)?.error;
  const message = typeof error === "string" ? error : error?.message;
  return typeof message === "string" && message ? message.slice(0, 500) : fallback;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/** A timeout that also follows the caller's signal, with one controller: a call is hot, signals are not cheap. */
function deadline(timeoutMs: number, signal?: AbortSignal) {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const cancel = () => controller.abort();
  signal?.addEventListener("abort", cancel, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    clear: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", cancel);
    },
  };
}

// undici's request() rather than fetch(): no WHATWG Request/Response/stream objects per call, which
// were a third of the worker's CPU at a thousand calls a second.
async function send(endpoint: Endpoint, body: string, stream: boolean, timeoutMs: number, signal?: AbortSignal): Promise<ChatResult> {
  const started = performance.now();
  const limit = deadline(timeoutMs, signal);
  let url = new URL(endpoint.url);
  try {
    for (let hop = 0; ; hop++) {
      assertSafeLiteralHost(url);
      const response = await request(url, {
        method: "POST",
        dispatcher: outboundAgent,
        signal: limit.signal,
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
        },
        body,
      });
      const status = response.statusCode;
      const location = header(response.headers, "location");
      if ((status === 307 || status === 308) && location && hop < MAX_REDIRECTS) {
        await response.body.dump();
        url = new URL(location, url);
        continue;
      }
      const text = await response.body.text();
      const ok = status >= 200 && status < 300;
      if (text.length > MAX_BODY_BYTES) throw new ProviderError("malformed", "Response body too large");
      if (ok && stream) {
        const streamed = parseSse(text);
        return {
          text: streamed.content,
          raw: { streamed: true, chunks: streamed.chunks, content: streamed.content, usage: streamed.usage ?? null },
          usage: toUsage(streamed.usage),
          latencyMs: performance.now() - started,
          attempts: 1,
        };
      }
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        if (ok) throw new ProviderError("malformed", `Response is not valid JSON: ${text.slice(0, 120)}`, status);
      }
      if (status === 429) {
        throw new ProviderError(
          "rate_limited",
          providerMessage(json, "Rate limited (429)"),
          429,
          retryAfterMs(header(response.headers, "retry-after")),
        );
      }
      if (status >= 500)
        throw new ProviderError(
          "server_error",
          providerMessage(json, `Server error (${status})`),
          status,
          retryAfterMs(header(response.headers, "retry-after")),
        );
      if (!ok) throw new ProviderError("client_error", providerMessage(json, `Request rejected (${status})`), status);
      const choice = (json as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0];
      const content = choice?.message?.content;
      if (typeof content !== "string") throw new ProviderError("malformed", "Response has no choices[0].message.content", status);
      return {
        text: content,
        raw: json,
        usage: toUsage((json as { usage?: Usage }).usage),
        latencyMs: performance.now() - started,
        attempts: 1,
      };
    }
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    if (signal?.aborted) throw new ProviderError("network", "Cancelled");
    if (limit.timedOut()) throw new ProviderError("timeout", `No response within ${timeoutMs} ms`);
    // request() rejects with the socket's own error; a refused address comes from the guarded lookup.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
    if (cause?.code === "EREFUSED_UNSAFE" || String((error as Error).message).startsWith("Refused")) {
      throw new ProviderError("refused", cause?.message ?? (error as Error).message);
    }
    throw new ProviderError("network", `Could not reach ${url.host}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  } finally {
    limit.clear();
  }
}

/** One chat completion with retries on rate limits, 5xx, timeouts, network errors and malformed bodies. */
export async function chatCompletion(endpoint: Endpoint, messages: ChatMessage[], options: ChatOptions = {}): Promise<ChatResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  const body = JSON.stringify(buildBody(endpoint, messages, options.params, options.stream));
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await send(endpoint, body, options.stream === true, options.timeoutMs ?? 60_000, options.signal);
      return { ...result, attempts: attempt };
    } catch (error) {
      const e = error as ProviderError;
      if (!e.retryable || attempt >= maxAttempts || options.signal?.aborted) {
        throw Object.assign(e, { attempts: attempt });
      }
      await new Promise((r) => setTimeout(r, backoffMs(attempt, e.retryAfterMs)));
    }
  }
}
