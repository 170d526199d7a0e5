import { AppError } from "@/lib/errors";
import { acquireModelSlot } from "./call-limits";
import { type CallResult, callFailure, isSimulated, type ModelCall, rateHooks, simulate } from "./call-model";
import { toUsage, type Usage, withRetries } from "./chat-client";
import { openChatStream } from "./chat-stream";
import { type ModelRow, modelEndpoint } from "./model-endpoint";
import { simulatedChunks } from "./simulated-wire";
import { accountCall } from "./usage";

export type StreamEvent = { type: "delta"; content: string; chunk: unknown } | { type: "done"; result: CallResult };

/**
 * callModel's streaming form: yields each delta as the provider sends it, then one `done` event with
 * usage, latency and cost. Limits hold until the stream ends (or the consumer stops reading); failures
 * before the first byte are retried, failures mid-stream are thrown as a CallFailure.
 */
export async function* streamModel(model: ModelRow, call: Omit<ModelCall, "stream">): AsyncGenerator<StreamEvent> {
  const started = performance.now();
  const release = await acquireModelSlot(model, call.priority, call.signal);
  let deltas: Awaited<ReturnType<typeof openChatStream>> | undefined;
  try {
    const rate = rateHooks(model, call);
    if (isSimulated(model) && call.relay && model.simulation) {
      await rate.beforeAttempt();
      let text = "";
      let usage: Usage | undefined;
      for await (const chunk of simulatedChunks(model, model.simulation, call)) {
        const content = chunk.choices[0]?.delta.content ?? "";
        text += content;
        usage = chunk.usage ?? usage;
        yield { type: "delta", content, chunk };
      }
      const accounted = accountCall(model, call.messages, text, toUsage(usage));
      await rate.settle(accounted.usage);
      const latencyMs = Math.round(performance.now() - started);
      yield {
        type: "done",
        result: { text, raw: { streamed: true, content: text, usage }, ...accounted, latencyMs, attempts: 1, simulated: true },
      };
      return;
    }
    if (isSimulated(model)) {
      const result = await simulate(model, call);
      yield { type: "delta", content: result.text, chunk: result.raw };
      yield { type: "done", result };
      return;
    }
    const opened = await withRetries(async () => ({ deltas: await openChatStream(modelEndpoint(model), call.messages, call) }), {
      ...call,
      beforeAttempt: rate.beforeAttempt,
    });
    deltas = opened.deltas;
    for (;;) {
      const next = await deltas.next();
      if (next.done) {
        const accounted = accountCall(model, call.messages, next.value.text, next.value.usage);
        await rate.settle(accounted.usage);
        const raw = { streamed: true, chunks: next.value.chunks, content: next.value.text, usage: next.value.usage };
        const latencyMs = Math.round(performance.now() - started);
        yield {
          type: "done",
          result: { text: next.value.text, raw, ...accounted, latencyMs, attempts: opened.attempts, simulated: false },
        };
        return;
      }
      yield { type: "delta", ...next.value };
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw callFailure(error, started);
  } finally {
    // A consumer that stops reading early closes the provider's stream too.
    await deltas?.return({ usage: null, chunks: 0, text: "" });
    await release();
  }
}
