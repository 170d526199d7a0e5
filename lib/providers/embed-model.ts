import { acquireModelSlot, claimRate, settleRate } from "./call-limits";
import { isSimulated } from "./call-model";
import { deadline, postJson, ProviderError, statusError, transportError } from "./chat-client";
import { type ModelRow, modelEndpoint } from "./model-endpoint";
import { simulatedEmbeddings } from "./simulated-wire";
import { estimateTokens } from "./usage";

const embeddingsUrl = (chatUrl: string) => chatUrl.replace(/\/chat\/completions\/?$/, "/embeddings");

type EmbedCall = { params: Record<string, unknown>; texts: string[]; timeoutMs: number; signal?: AbortSignal };

/** POSTs the body to the model's embeddings URL, with the same URL checks and errors as chat calls. */
async function post(model: ModelRow, params: Record<string, unknown>, call: EmbedCall): Promise<Record<string, unknown>> {
  const endpoint = modelEndpoint(model);
  const url = new URL(embeddingsUrl(endpoint.url));
  const limit = deadline(call.timeoutMs, call.signal);
  try {
    const response = await postJson(url, endpoint, JSON.stringify({ ...params, model: endpoint.model }), limit.signal);
    const text = await response.body.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {}
    if (response.statusCode < 200 || response.statusCode >= 300) throw statusError(response.statusCode, json, response.headers);
    if (json === null || typeof json !== "object")
      throw new ProviderError("malformed", `Response is not valid JSON: ${text.slice(0, 120)}`, response.statusCode);
    return json as Record<string, unknown>;
  } catch (error) {
    throw transportError(error, url, limit.timedOut() ? call.timeoutMs : null, call.signal);
  } finally {
    limit.clear();
  }
}

/**
 * Embeddings, which callModel (chat only) does not know: the same endpoint resolution, URL safety,
 * max_concurrency and rpm/tpm limits (failing fast, as the gateway must not wait), no retries.
 */
export async function embedModel(model: ModelRow, call: EmbedCall): Promise<Record<string, unknown>> {
  const release = await acquireModelSlot(model, 0, call.signal);
  try {
    const estimated = estimateTokens(call.texts.join("").length);
    await claimRate(model, estimated, { failFast: true });
    const json =
      isSimulated(model) && model.simulation
        ? simulatedEmbeddings(model, model.simulation.seed, call.params.input)
        : await post(model, call.params, call);
    const used = (json.usage as { prompt_tokens?: unknown } | undefined)?.prompt_tokens;
    await settleRate(model, estimated, typeof used === "number" ? used : estimated);
    return json;
  } finally {
    await release();
  }
}
