import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { ApiModel } from "@/lib/services/models/serialize";
import { formatInt, formatPrice } from "./format";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-gray-700 dark:text-gray-300">{label}</dt>
      <dd className="break-words text-sm text-gray-900 sm:col-span-2 dark:text-gray-100">{children}</dd>
    </div>
  );
}

const list = (values: string[]) => (values.length ? values.join(", ") : "—");

export function ModelDetails({ model: m }: { model: ApiModel }) {
  return (
    <dl className="divide-y divide-gray-200 dark:divide-gray-800">
      <Row label="Key">
        <code className="font-mono">{m.key}</code>
      </Row>
      <Row label="Description">{m.description || "—"}</Row>
      <Row label="Endpoint type">
        {
          {
            openai: "OpenAI-compatible API",
            simulated: "Simulated (no network)",
            none: "None yet",
            human: "A person (human baseline, taken in the browser)",
          }[m.endpoint_type]
        }
      </Row>
      {m.endpoint_type === "openai" || m.endpoint_type === "none" ? (
        <>
          <Row label="API URL">{m.api_url ?? "—"}</Row>
          <Row label="API key">
            {m.has_api_key ? (
              <span data-testid="masked-api-key" className="font-mono">
                {m.api_key}
              </span>
            ) : (
              <Badge>Not set</Badge>
            )}
          </Row>
        </>
      ) : null}
      <Row label="Provider model name">{m.provider_model ?? <span className="text-gray-700 dark:text-gray-300">Uses the key</span>}</Row>
      <Row label="Max tokens">{formatInt(m.max_tokens)}</Row>
      <Row label="Extra payload">
        {Object.keys(m.extra_payload).length ? (
          <pre className="overflow-x-auto rounded bg-gray-100 p-2 font-mono text-xs dark:bg-gray-800">
            {JSON.stringify(m.extra_payload, null, 2)}
          </pre>
        ) : (
          "—"
        )}
      </Row>
      {m.simulation ? (
        <Row label="Simulation">
          Seed {m.simulation.seed} · accuracy {m.simulation.accuracy} · latency {m.simulation.latencyMs.mean} ±{" "}
          {m.simulation.latencyMs.stddev} ms
        </Row>
      ) : null}
      <Row label="Price per 1M tokens">
        input {formatPrice(m.price_input_per_m)} · output {formatPrice(m.price_output_per_m)}
      </Row>
      <Row label="Rate limits">
        {formatInt(m.rpm_limit)} requests/min · {formatInt(m.tpm_limit)} tokens/min · {formatInt(m.max_concurrency)} in flight
      </Row>
      <Row label="Context window">{m.context_window == null ? "—" : `${formatInt(m.context_window)} tokens`}</Row>
      <Row label="Company">{m.company ?? "—"}</Row>
      <Row label="Architecture">{m.architecture ?? "—"}</Row>
      <Row label="Parameters">{formatInt(m.parameter_count)}</Row>
      <Row label="Modalities">{list(m.modalities)}</Row>
      <Row label="Categories">{list(m.categories)}</Row>
      <Row label="Regions">{list(m.regions)}</Row>
      <Row label="License">{m.license ?? "—"}</Row>
      <Row label="Updated">
        {new Date(m.updated_at).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC
      </Row>
    </dl>
  );
}
