import type { Model } from "@/lib/services/use-cases/routing";
import { type CallRecord, finishCall } from "./record";

type Chunk = { id?: string; model?: string; choices?: { index?: number; delta?: { content?: unknown } }[]; usage?: unknown };

const encoder = new TextEncoder();
const event = (data: string) => encoder.encode(`data: ${data}\n\n`);

/**
 * Relays a provider's stream chunk by chunk as it arrives (pull-based: nothing is read ahead), with
 * Yardstick's completion id and model key in each chunk. The usage chunk is passed on only when asked for.
 */
export function relayStream(
  events: AsyncIterable<string>,
  opts: { record: CallRecord; model: Model; id: string; includeUsage: boolean; headers: Record<string, string> },
): Response {
  const { record, model, id, includeUsage } = opts;
  const iterator = events[Symbol.asyncIterator]();
  const texts: string[] = [];
  let usage: { prompt_tokens?: number; completion_tokens?: number } | null = null;
  let ttftMs: number | null = null;
  let finished = false;
  const finish = (error?: string) => {
    if (finished) return;
    finished = true;
    finishCall(record, model, { texts, usage, ttftMs, error });
  };

  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        for (;;) {
          const next = await iterator.next();
          if (next.done) {
            finish("The provider's stream ended before [DONE]");
            controller.close();
            return;
          }
          if (next.value === "[DONE]") {
            controller.enqueue(event("[DONE]"));
            finish();
            controller.close();
            return;
          }
          const chunk = JSON.parse(next.value) as Chunk;
          for (const choice of chunk.choices ?? []) {
            const content = choice.delta?.content;
            if (typeof content !== "string" || !content) continue;
            ttftMs ??= performance.now() - record.started;
            texts[choice.index ?? 0] = (texts[choice.index ?? 0] ?? "") + content;
          }
          if (chunk.usage) {
            usage = chunk.usage as typeof usage;
            if (!includeUsage) {
              if (!chunk.choices?.length) continue;
              delete chunk.usage;
            }
          }
          chunk.id = id;
          chunk.model = model.key;
          controller.enqueue(event(JSON.stringify(chunk)));
          return;
        }
      } catch (error) {
        const message =
          error instanceof SyntaxError
            ? "The provider sent a malformed stream chunk"
            : `The provider's stream failed: ${(error as Error).message}`;
        controller.enqueue(event(JSON.stringify({ error: { message, type: "upstream_error", code: null, param: null } })));
        finish(message);
        controller.close();
      }
    },
    async cancel() {
      finish("The caller closed the stream");
      await iterator.return?.();
    },
  });
  // no-transform: a compressing proxy (or Next's own gzip) would otherwise hold chunks back.
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      ...opts.headers,
    },
  });
}
