import { outboundAgent } from "./agent";
import { deepMerge } from "./deep-merge";
import { displayUrl } from "./endpoint-url";
import { assertSafeLiteralHost } from "./url-safety";

export type ChatMessage = { role: "system" | "user" | "assistant"; content: string };
/** A message as OpenAI's wire format allows it (tool calls, content parts, null content), for callers that relay them. */
export type WireMessage = { role: string; content?: unknown; [field: string]: unknown };

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
  /** Relay OpenAI's wire format (the gateway): no Yardstick defaults in the body, replies without text (tool calls) accepted. */
  relay?: boolean;
} & RetryHooks;

export type RetryHooks = {
  /** Runs before every attempt (callModel claims the rate limit here, so retries count too). */
  beforeAttempt?: () => Promise<void>;
  /** Told of every failed attempt as it happens, before any retry (a run counts them to spot a dead endpoint). */
  onFailedAttempt?: (error: ProviderError) => void | Promise<void>;
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

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function buildBody(
  endpoint: Endpoint,
  messages: WireMessage[],
  params: Record<string, unknown> = {},
  stream = false,
  relay = false,
) {
  // Yardstick's defaults (none when relaying a caller's request), then the sampling parameters, then the model's extra_payload on top.
  const merged = deepMerge(relay ? params : deepMerge({ temperature: 0 }, params), endpoint.extraPayload ?? {});
  return { ...merged, model: endpoint.model, messages, stream, ...(stream ? { stream_options: { include_usage: true } } : {}) };
}

export type Usage = { prompt_tokens?: number; completion_tokens?: number };

export const toUsage = (usage: Usage | undefined) =>
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

export const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
};

/** A timeout that also follows the caller's signal, with one controller: a call is hot, signals are not cheap. */
export function deadline(timeoutMs: number, signal?: AbortSignal) {
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
    /** Starts the time over (a relayed stream may run long as long as its chunks keep coming). */
    restart: () => timer.refresh(),
    clear: () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", cancel);
    },
  };
}

/** The error for a non-2xx answer: 429 and 5xx are retryable (after Retry-After), the rest are not. */
export function statusError(status: number, json: unknown, headers: Record<string, string | string[] | undefined>): ProviderError {
  const retryAfter = retryAfterMs(header(headers, "retry-after"));
  if (status === 429) return new ProviderError("rate_limited", providerMessage(json, "Rate limited"), 429, retryAfter);
  if (status >= 500) return new ProviderError("server_error", providerMessage(json, "Server error"), status, retryAfter);
  return new ProviderError("client_error", providerMessage(json, "Request rejected"), status);
}

/** A failed request as a ProviderError: cancelled, timed out, refused (unsafe address) or unreachable. */
export function transportError(error: unknown, url: URL, timedOutAfterMs: number | null, signal?: AbortSignal): ProviderError {
  // Every message names the URL called (never its query string, which may carry a key) and the HTTP status.
  const where = displayUrl(url);
  if (error instanceof ProviderError) {
    const at = `${where}${error.status ? ` answered HTTP ${error.status}` : ""}`;
    return new ProviderError(error.kind, `${at}: ${error.message}`, error.status, error.retryAfterMs);
  }
  if (signal?.aborted) return new ProviderError("network", "Cancelled");
  if (timedOutAfterMs !== null) return new ProviderError("timeout", `${where}: no response within ${timedOutAfterMs} ms`);
  // request() rejects with the socket's own error; a refused address comes from the guarded lookup.
  const cause = (error as { cause?: { code?: string; message?: string } }).cause ?? (error as { code?: string; message?: string });
  if (cause?.code === "EREFUSED_UNSAFE" || String((error as Error).message).startsWith("Refused")) {
    return new ProviderError("refused", cause?.message ?? (error as Error).message);
  }
  return new ProviderError("network", `Could not reach ${where}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
}

/**
 * POSTs a JSON body with the endpoint's key through the guarded agent, after checking the URL's literal
 * host. The agent's request() rather than fetch() or undici's top-level request(): no WHATWG objects
 * and no URL re-parsing per call, which were a third of the worker's CPU at a thousand calls a second.
 * `timeoutMs` bounds the wait for the headers and each gap in the body with undici's own cheap timers.
 */
export function postJson(
  url: URL,
  endpoint: Pick<Endpoint, "apiKey">,
  body: string,
  signal: AbortSignal | undefined,
  accept = "application/json",
  timeoutMs?: number,
) {
  assertSafeLiteralHost(url);
  return outboundAgent.request({
    origin: url.origin,
    path: url.pathname + url.search,
    method: "POST",
    signal,
    headers: {
      "content-type": "application/json",
      accept,
      ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
    },
    body,
    ...(timeoutMs === undefined ? {} : { headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
  });
}

const TIMEOUT_CODES = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
const isTimeout = (error: unknown) => TIMEOUT_CODES.has((error as { code?: string } | null)?.code ?? "");

/** Endpoint URLs parsed once: every call of a run goes to the same one. */
const parsedUrls = new Map<string, URL>();
function parsedUrl(raw: string): URL {
  let url = parsedUrls.get(raw);
  if (!url) {
    if (parsedUrls.size >= 1000) parsedUrls.clear();
    url = new URL(raw);
    parsedUrls.set(raw, url);
  }
  return url;
}

async function send(endpoint: Endpoint, body: string, options: ChatOptions): Promise<ChatResult> {
  const { stream = false, timeoutMs = 60_000, signal } = options;
  const started = performance.now();
  const url = parsedUrl(endpoint.url);
  try {
    const response = await postJson(url, endpoint, body, signal, "application/json", timeoutMs);
    const status = response.statusCode;
    const location = header(response.headers, "location");
    // Never followed: the request carries the provider key, which must not reach another origin.
    if (status >= 300 && status < 400) {
      await response.body.dump();
      const target = location ? new URL(location, url).href : "no Location";
      throw new ProviderError("client_error", `The endpoint redirected (HTTP ${status}) to ${target}; configure the final URL`, status);
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
    if (!ok) throw statusError(status, json, response.headers);
    const choice = (json as { choices?: { message?: { content?: unknown } }[] } | null)?.choices?.[0];
    const content = choice?.message?.content;
    // A relayed answer of tool calls has null content; the caller reads the raw reply.
    const toolCalls = options.relay && choice !== undefined && content === null;
    if (typeof content !== "string" && !toolCalls)
      throw new ProviderError("malformed", "Response has no choices[0].message.content", status);
    return {
      text: typeof content === "string" ? content : "",
      raw: json,
      usage: toUsage((json as { usage?: Usage }).usage),
      latencyMs: performance.now() - started,
      attempts: 1,
    };
  } catch (error) {
    throw transportError(error, url, isTimeout(error) ? timeoutMs : null, signal);
  }
}

/** Sleeps `ms`, or less if the signal aborts first. */
export const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });

/**
 * Runs `attempt` until it succeeds, fails with a non-retryable error, runs out of attempts or is
 * cancelled; the error it throws carries how many attempts were made.
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: RetryHooks & { maxAttempts?: number; signal?: AbortSignal },
): Promise<T & { attempts: number }> {
  const maxAttempts = options.maxAttempts ?? 3;
  for (let n = 1; ; n++) {
    try {
      if (options.signal?.aborted) throw new ProviderError("network", "Cancelled");
      await options.beforeAttempt?.();
      return { ...(await attempt()), attempts: n };
    } catch (error) {
      const e = error instanceof ProviderError ? error : new ProviderError("network", (error as Error).message);
      if (e.message !== "Cancelled") await options.onFailedAttempt?.(e);
      if (!e.retryable || n >= maxAttempts || options.signal?.aborted) throw Object.assign(e, { attempts: n });
      await pause(backoffMs(n, e.retryAfterMs), options.signal);
    }
  }
}

/** One chat completion with retries on rate limits, 5xx, timeouts, network errors and malformed bodies. */
export async function chatCompletion(endpoint: Endpoint, messages: WireMessage[], options: ChatOptions = {}): Promise<ChatResult> {
  const body = JSON.stringify(buildBody(endpoint, messages, options.params, options.stream, options.relay));
  return withRetries(() => send(endpoint, body, options), options);
}
