import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A real OpenAI-compatible endpoint on 127.0.0.1, so tests exercise the HTTP client end to end.

export type FaultKind = "429" | "500" | "timeout" | "truncated" | "empty_choices";

export type FakeRequest = { method: string; path: string; headers: IncomingHttpHeaders; body: unknown };

type ChatBody = {
  model?: string;
  stream?: boolean;
  n?: number;
  stop?: string | string[];
  messages?: { role?: string; content?: unknown }[];
  input?: string | string[];
};

export type FakeOpenAIOptions = {
  latencyMs?: number | ((req: FakeRequest) => number);
  answer?: (body: ChatBody) => string;
  faults?: { rate: number; kinds: FaultKind[]; seed?: number };
  retryAfterSeconds?: number;
  timeoutMs?: number;
  requireApiKey?: string;
  /** Streams: the pause between server-sent events, so a client can be seen reading deltas as they arrive. */
  streamIntervalMs?: number;
};

export type FakeOpenAI = {
  url: string;
  baseUrl: string;
  port: number;
  requests: FakeRequest[];
  /** Requests received and not yet answered, and the most there ever were at once. */
  inFlight: () => number;
  maxInFlight: () => number;
  setOptions(partial: Partial<FakeOpenAIOptions>): void;
  close(): Promise<void>;
};

const MAX_RECORDED = 1000;

function promptText(body: ChatBody): string {
  return (body.messages ?? []).map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content ?? ""))).join("\n");
}

/**
 * A benchmark generator's reply (lib/generation/prompt.ts): one FRQ per requested task on the passage's first
 * sentence, quoted verbatim, plus one task whose quote is not in the document (which the generator must drop).
 */
function generatorAnswer(text: string): string {
  const passage = /<passage>\n([\s\S]*?)\n<\/passage>/.exec(text)?.[1] ?? "";
  const count = Number(/Write (\d+) task/.exec(text)?.[1] ?? 1);
  const prose = passage
    .split("\n")
    .filter((line) => line.trim() && !line.startsWith("#"))
    .join(" ");
  const sentence = /[^.!?]+[.!?]/.exec(prose)?.[0]?.trim() ?? prose;
  const words = sentence.split(/\s+/);
  const tasks = Array.from({ length: count }, (_, i) => ({
    type: "FRQ",
    question: `Which word comes after "${words[i % Math.max(1, words.length - 1)]}"?`,
    answer: words[(i % Math.max(1, words.length - 1)) + 1] ?? sentence,
    quote: sentence,
  }));
  tasks.push({ type: "FRQ", question: "Invented?", answer: "yes", quote: "This sentence is not in the document." });
  return JSON.stringify({ tasks });
}

const defaultAnswer = (body: ChatBody) => {
  const text = promptText(body);
  if (text.includes("You write benchmark tasks grounded in a document.")) return generatorAnswer(text);
  return /pong/i.test(text) ? "pong" : "This is a reply from the fake OpenAI server.";
};

const tokens = (text: string) => Math.ceil(text.length / 4);

/** mulberry32: a tiny seeded PRNG, so fault sequences repeat exactly for the same seed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** The fault for the n-th request: a function of (seed, n) only, so it does not depend on timing. */
function faultFor(faults: FakeOpenAIOptions["faults"], n: number): FaultKind | null {
  if (!faults || faults.rate <= 0 || faults.kinds.length === 0) return null;
  const rng = mulberry32((faults.seed ?? 1) ^ Math.imul(n, 0x9e3779b1));
  if (rng() >= faults.rate) return null;
  return faults.kinds[Math.floor(rng() * faults.kinds.length)] ?? null;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

type ErrorReply = { status: number; message: string; type: string; code: string | null; headers?: Record<string, string> };

export async function startFakeOpenAI(initial: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  let options: FakeOpenAIOptions = { ...initial };
  const requests: FakeRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let count = 0;
  let inFlight = 0;
  let maxInFlight = 0;

  // Timers that die with the response (client gave up) or the server (close), so nothing leaks.
  // A fired timer drops its close listener, so a long stream does not pile one up per chunk.
  const later = (res: ServerResponse, ms: number, fn: () => void) => {
    const cancel = () => {
      clearTimeout(timer);
      timers.delete(timer);
    };
    const timer = setTimeout(() => {
      timers.delete(timer);
      res.off("close", cancel);
      if (!res.destroyed) fn();
    }, ms);
    timers.add(timer);
    res.once("close", cancel);
  };

  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on("close", () => {
      inFlight -= 1;
    });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = new URL(req.url ?? "/", "http://x").pathname;
      const raw = Buffer.concat(chunks).toString("utf8");
      let body: unknown;
      let malformed = false;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        malformed = true;
        body = raw;
      }
      const record: FakeRequest = { method: req.method ?? "GET", path, headers: req.headers, body };
      requests.push(record);
      if (requests.length > MAX_RECORDED) requests.splice(0, requests.length - MAX_RECORDED);
      const n = count++;
      const latency = typeof options.latencyMs === "function" ? options.latencyMs(record) : (options.latencyMs ?? 0);
      // No latency answers at once: a 0 ms timer would wait Node's 1 ms minimum and cost a timer per request.
      if (latency > 0) later(res, latency, () => respond(res, record, malformed, n));
      else respond(res, record, malformed, n);
    });
  });

  /** The error reply a request gets, in the order a real server checks: route, auth, body, then faults. */
  function errorReply(record: FakeRequest, malformed: boolean, fault: FaultKind | null): ErrorReply | null {
    if (record.method !== "POST" || !(record.path.endsWith("/chat/completions") || record.path.endsWith("/embeddings"))) {
      return { status: 404, message: `Unknown route ${record.method} ${record.path}`, type: "invalid_request_error", code: "unknown_url" };
    }
    const key = options.requireApiKey;
    if (key !== undefined && record.headers.authorization !== `Bearer ${key}`) {
      return { status: 401, message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" };
    }
    if (malformed || typeof record.body !== "object" || record.body === null) {
      return { status: 400, message: "We could not parse the JSON body of your request.", type: "invalid_request_error", code: null };
    }
    if (fault === "429") {
      const headers = options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : undefined;
      return { status: 429, message: "Rate limit reached for requests.", type: "requests", code: "rate_limit_exceeded", headers };
    }
    if (fault === "500")
      return { status: 500, message: "The server had an error while processing your request.", type: "server_error", code: null };
    return null;
  }

  function respond(res: ServerResponse, record: FakeRequest, malformed: boolean, n: number): void {
    const fault = faultFor(options.faults, n);
    const error = errorReply(record, malformed, fault);
    if (error) {
      const { status, headers, ...detail } = error;
      sendJson(res, status, { error: detail }, headers);
    } else if (fault === "timeout") {
      // Hold the request without answering, then drop the connection, like a hung upstream.
      later(res, options.timeoutMs ?? 10_000, () => res.destroy());
    } else if (record.path.endsWith("/embeddings")) {
      embed(res, record.body as ChatBody);
    } else {
      answer(res, record.body as ChatBody, fault, n);
    }
  }

  /** Three-dimensional vectors from the text's length, so tests can check them. */
  function embed(res: ServerResponse, body: ChatBody): void {
    const inputs = Array.isArray(body.input) ? body.input : [String(body.input ?? "")];
    const data = inputs.map((text, index) => ({ object: "embedding", index, embedding: [text.length, 1, 0] }));
    const promptTokens = tokens(inputs.join(""));
    sendJson(res, 200, {
      object: "list",
      data,
      model: body.model ?? "fake",
      usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
    });
  }

  /** The answer cut at the first stop sequence, as providers do (finish_reason stays "stop"). */
  function applyStop(content: string, stop: ChatBody["stop"]): string {
    const cuts = (Array.isArray(stop) ? stop : stop ? [stop] : []).map((s) => content.indexOf(s)).filter((i) => i >= 0);
    return cuts.length ? content.slice(0, Math.min(...cuts)) : content;
  }

  function answer(res: ServerResponse, body: ChatBody, fault: FaultKind | null, n: number): void {
    const content = applyStop((options.answer ?? defaultAnswer)(body), body.stop);
    // With n > 1, choice i answers "<content> (i)" so the choices differ.
    const contents = Array.from({ length: Math.max(1, body.n ?? 1) }, (_, i) => (i === 0 ? content : `${content} (${i})`));
    const completionTokens = contents.reduce((sum, c) => sum + tokens(c), 0);
    const promptTokens = tokens(promptText(body));
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const meta = { id: `chatcmpl-fake-${n}`, created: Math.floor(Date.now() / 1000), model: body.model ?? "fake" };

    if (body.stream === true) {
      const chunk = (choices: unknown[], extra = {}) => ({ ...meta, object: "chat.completion.chunk", choices, ...extra });
      const events =
        fault === "empty_choices"
          ? []
          : contents.flatMap((c, index) =>
              (c.match(/\S+\s*|\s+/g) ?? []).map((piece) => chunk([{ index, delta: { content: piece }, finish_reason: null }])),
            );
      events.push(
        chunk(fault === "empty_choices" ? [] : contents.map((_, index) => ({ index, delta: {}, finish_reason: "stop" })), { usage }),
      );
      // Truncated streams stop halfway and never send [DONE].
      const sent = fault === "truncated" ? events.slice(0, Math.ceil(events.length / 2)) : events;
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      const lines = [...sent.map((e) => `data: ${JSON.stringify(e)}\n\n`), ...(fault === "truncated" ? [] : ["data: [DONE]\n\n"])];
      const interval = options.streamIntervalMs ?? 0;
      if (interval <= 0) return void res.end(lines.join(""));
      const writeNext = (i: number) => {
        if (i >= lines.length) return res.end();
        res.write(lines[i]);
        later(res, interval, () => writeNext(i + 1));
      };
      writeNext(0);
      return;
    }
    const choices =
      fault === "empty_choices"
        ? []
        : contents.map((c, index) => ({ index, message: { role: "assistant", content: c }, finish_reason: "stop" }));
    const json = JSON.stringify({ ...meta, object: "chat.completion", choices, usage });
    res.writeHead(200, { "content-type": "application/json" });
    // Truncated: a complete HTTP response whose JSON is cut in half, as from a proxy that gave up mid-body.
    res.end(fault === "truncated" ? json.slice(0, Math.floor(json.length / 2)) : json);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}/v1`;

  return {
    url: `${baseUrl}/chat/completions`,
    baseUrl,
    port,
    requests,
    inFlight: () => inFlight,
    maxInFlight: () => maxInFlight,
    setOptions(partial) {
      options = { ...options, ...partial };
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
