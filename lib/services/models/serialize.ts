import type { models } from "@/db/schema";
import { maskSecret } from "@/lib/providers/secrets";

type ModelRow = typeof models.$inferSelect;

/** The API and UI shape of a model. The API key itself never leaves the server: only its last 4 characters. */
export function serializeModel(m: ModelRow, inProject?: boolean) {
  return {
    id: m.id,
    key: m.key,
    name: m.name,
    description: m.description,
    type: m.visibility,
    owner_project_id: m.ownerProjectId,
    endpoint_type: m.endpointType,
    needs_endpoint: m.endpointType === "none",
    api_url: m.apiUrl,
    api_key: maskSecret(m.apiKeyLast4),
    has_api_key: m.apiKeyCiphertext !== null,
    provider_model: m.providerModel,
    max_tokens: m.maxTokens,
    extra_payload: m.extraPayload,
    simulation: m.simulation,
    price_input_per_m: m.priceInputPerM,
    price_output_per_m: m.priceOutputPerM,
    rpm_limit: m.rpmLimit,
    tpm_limit: m.tpmLimit,
    max_concurrency: m.maxConcurrency,
    context_window: m.contextWindow,
    company: m.company,
    architecture: m.architecture,
    parameter_count: m.parameterCount,
    modalities: m.modalities,
    categories: m.categories,
    regions: m.regions,
    license: m.license,
    in_project: inProject,
    created_at: m.createdAt.toISOString(),
    updated_at: m.updatedAt.toISOString(),
  };
}

export type ApiModel = ReturnType<typeof serializeModel>;
