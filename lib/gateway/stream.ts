import type { StreamEvent } from "@/lib/providers/stream-model";
import type { Model } from "@/lib/services/use-cases/routing";
import { type CallRecord, finishCall } from "./record";

type Chunk = { id?: string; model?: string; choices?: { index?: number; delta?: { content?: unknown } }[]; usage?: unknown };

const encoder = new TextEncoder();
const event = (data: string) => encoder.encode(`data: ${data}\n\n`);

/**
 * Relays streamModel's chunks as they arrive (pull-based: nothing is read ahead; `first` is the event
 * already read), with Yardstick's completion id and model key in each. The usage chunk is passed on only when asked for.
 */
export function relayStream(
  first: IteratorResult<StreamEvent>,
  iterator: AsyncGenerator<StreamEvent>,
  opts: { record: CallRecord; model: Model; id: string; includeUsage: boolean; headers: Record<string, string> },
): Response {
  const { record, model, id, includeUsage } = opts;
  let pending: IteratorResult<StreamEvent> | null = first;
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
          const next = pending ?? (await iterator.next());
          pending = null;
          if (next.done || next.value.type === "done") {
            controller.enqueue(event("[DONE]"));
            finish();
            controller.close();
            // Ends streamModel, which releases the model's concurrency slot.
            await iterator.return(undefined);
            return;
          }
          const chunk = next.value.chunk as Chunk;
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
        const message = `The provider's stream failed: ${(error as Error).message}`;
        controller.enqueue(event(JSON.stringify({ error: { message, type: "upstream_error", code: null, param: null } })));
        finish(message);
        controller.close();
      }
    },
    async cancel() {
      finish("The caller closed the stream");
      await iterator.return(undefined);
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
