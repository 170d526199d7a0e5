import {
  buildBody,
  type ChatResult,
  deadline,
  type Endpoint,
  ProviderError,
  postJson,
  statusError,
  toUsage,
  transportError,
  type Usage,
  type WireMessage,
} from "./chat-client";

/** One content delta as it arrived (empty for a relay's chunks without text), with the provider's chunk for callers that forward it verbatim. */
export type StreamDelta = { content: string; chunk: unknown };
export type StreamEnd = { usage: ChatResult["usage"]; chunks: number; text: string };

type SseChunk = { choices?: { delta?: { content?: unknown } }[]; usage?: Usage };

/** Splits a byte stream into server-sent-event `data:` payloads, across chunk boundaries. */
async function* dataLines(body: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffered = "";
  for await (const bytes of body) {
    buffered += decoder.decode(bytes, { stream: true });
    const lines = buffered.split(/\r?\n/);
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.startsWith("data:")) yield line.slice(5).trim();
  }
  if (buffered.startsWith("data:")) yield buffered.slice(5).trim();
}

/**
 * Sends a streaming chat request and resolves once the endpoint has answered 2xx (errors before that
 * throw, so callers may retry them); the generator then yields deltas as they arrive and returns the
 * usage. A stream that stops before [DONE] is malformed. Redirects are not followed for streams.
 */
export async function openChatStream(
  endpoint: Endpoint,
  messages: WireMessage[],
  options: { params?: Record<string, unknown>; timeoutMs?: number; signal?: AbortSignal; relay?: boolean },
): Promise<AsyncGenerator<StreamDelta, StreamEnd>> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const limit = deadline(timeoutMs, options.signal);
  const url = new URL(endpoint.url);
  const fail = (error: unknown) => {
    limit.clear();
    return transportError(error, url, limit.timedOut() ? timeoutMs : null, options.signal);
  };
  let response: Awaited<ReturnType<typeof postJson>>;
  try {
    const body = JSON.stringify(buildBody(endpoint, messages, options.params, true, options.relay));
    response = await postJson(url, endpoint, body, limit.signal, "text/event-stream");
    if (response.statusCode < 200 || response.statusCode >= 300) {
      const text = await response.body.text();
      let json: unknown = null;
      try {
        json = JSON.parse(text);
      } catch {}
      throw statusError(response.statusCode, json, response.headers);
    }
  } catch (error) {
    throw fail(error);
  }
  const body = response.body;
  return (async function* () {
    let text = "";
    let usage: Usage | undefined;
    let chunks = 0;
    let done = false;
    try {
      // Not destroyed on [DONE]: see the finally.
      for await (const data of dataLines(body.iterator({ destroyOnReturn: false }))) {
        if (data === "[DONE]") {
          done = true;
          return { usage: toUsage(usage), chunks, text };
        }
        let chunk: SseChunk;
        try {
          chunk = JSON.parse(data);
        } catch {
          throw new ProviderError("malformed", `Stream chunk is not valid JSON: ${data.slice(0, 120)}`);
        }
        chunks += 1;
        // A relay's timeout is the longest silence, so a long answer is not cut; others bound the whole call.
        if (options.relay) limit.restart();
        if (chunk.usage) usage = chunk.usage;
        const delta = chunk.choices?.[0]?.delta?.content;
        const content = typeof delta === "string" ? delta : "";
        text += content;
        // A relay forwards every chunk (other choices, roles, tool calls, the usage chunk); others want text.
        if (content || options.relay) yield { content, chunk };
      }
      throw new ProviderError("malformed", "The stream ended without [DONE]");
    } catch (error) {
      throw fail(error);
    } finally {
      if (done) {
        // The body's end has normally arrived with [DONE]: reading it out (within the call's deadline) returns the connection
        // to the pool without the abort error, and its source-mapped stack trace, that destroying the body costs on every call.
        body
          .dump({ limit: Number.MAX_SAFE_INTEGER, signal: limit.signal })
          .catch(() => {})
          .finally(limit.clear);
      } else {
        limit.clear();
        if (!body.destroyed) body.destroy();
      }
    }
  })();
}
