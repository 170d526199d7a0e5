import type { models } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Endpoint } from "./chat-client";
import { chatCompletionsUrl } from "./endpoint-url";
import { decryptSecret } from "./secrets";

export type ModelRow = typeof models.$inferSelect;

// Callers load a model row once and call it many times: decrypt its key once per row, not per call.
const resolved = new WeakMap<ModelRow, Endpoint>();

/** Where and how to call a model: its URL, decrypted key, provider model name and extra payload. */
export function modelEndpoint(model: ModelRow): Endpoint {
  let endpoint = resolved.get(model);
  if (!endpoint) {
    if (!model.apiUrl) throw new AppError("unprocessable", "This model has no endpoint yet: set api_url first");
    endpoint = {
      // Rows saved before URLs were normalised may hold the base URL.
      url: chatCompletionsUrl(model.apiUrl),
      apiKey: model.apiKeyCiphertext ? decryptSecret(model.apiKeyCiphertext) : null,
      model: model.providerModel ?? model.key,
      extraPayload: model.extraPayload,
    };
    resolved.set(model, endpoint);
  }
  return endpoint;
}
