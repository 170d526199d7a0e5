"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createModelAction, updateModelAction } from "@/lib/actions/models";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckboxField, SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import type { ApiModel } from "@/lib/services/models/serialize";
import { type ModelFormMode, readModelForm } from "./read-model-form";

type Props = { projectKey: string; mode: ModelFormMode; model?: ApiModel; canPublish?: boolean };

// Fields this form renders: their errors appear beside them rather than in the banner.
const FIELDS = [
  "name",
  "key",
  "description",
  "endpoint_type",
  "api_url",
  "api_key",
  "provider_model",
  "max_tokens",
  "extra_payload",
  "simulation",
  "price_input_per_m",
  "price_output_per_m",
  "rpm_limit",
  "tpm_limit",
  "max_concurrency",
  "context_window",
];

const str = (v: number | string | null | undefined) => (v == null ? "" : String(v));

export function ModelForm({ projectKey, mode, model, canPublish = false }: Props) {
  const router = useRouter();
  const [endpoint, setEndpoint] = useState(model?.endpoint_type ?? "openai");
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const simulated = endpoint === "simulated";
  const back = model ? `/${projectKey}/models/${model.id}` : `/${projectKey}/models`;
  const action = useAction(
    (input: Record<string, unknown>) =>
      model
        ? updateModelAction(projectKey, { ...input, id: model.id } as Parameters<typeof updateModelAction>[1])
        : createModelAction(projectKey, input as Parameters<typeof createModelAction>[1]),
    (saved) => {
      router.push(`/${projectKey}/models/${saved?.id ?? model?.id}`);
      router.refresh();
    },
  );
  const err = (path: string) => clientErrors[path] ?? action.fieldError(path);
  const sim = model?.simulation;

  return (
    <form
      noValidate
      className="space-y-8"
      onSubmit={(e) => {
        e.preventDefault();
        const { input, errors } = readModelForm(new FormData(e.currentTarget), mode, simulated);
        setClientErrors(errors);
        if (Object.keys(errors).length > 0) return action.reset();
        action.run(input);
      }}
    >
      <FormMessage message={Object.keys(clientErrors).length ? "Please correct the highlighted fields." : action.summary(FIELDS)} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Basics</legend>
        <TextField label="Name" name="name" required maxLength={256} defaultValue={model?.name} error={err("name")} />
        {mode === "create" ? (
          <TextField
            label="Key"
            name="key"
            required
            maxLength={256}
            error={err("key")}
            hint="Unique id, e.g. acme/chat-large. Lowercase letters, digits, '.', '-' and '/'."
          />
        ) : null}
        <TextAreaField
          className="sm:col-span-2"
          label="Description"
          name="description"
          rows={2}
          maxLength={500}
          defaultValue={model?.description}
          error={err("description")}
        />
        {mode === "create" ? (
          <SelectField
            label="Endpoint type"
            name="endpoint_type"
            value={endpoint}
            onChange={(e) => setEndpoint(e.target.value as typeof endpoint)}
            options={[
              { value: "openai", label: "OpenAI-compatible API" },
              { value: "simulated", label: "Simulated (no network)" },
            ]}
            error={err("endpoint_type")}
          />
        ) : null}
        {mode === "create" && canPublish ? (
          <CheckboxField className="self-end" label="Add to the public catalog (visible in every project)" name="public" />
        ) : null}
      </fieldset>

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Endpoint</legend>
        {simulated ? null : (
          <>
            <TextField
              className="sm:col-span-2"
              label="API URL"
              name="api_url"
              type="url"
              inputMode="url"
              maxLength={2000}
              defaultValue={model?.api_url ?? ""}
              placeholder="https://api.example.com/v1"
              error={err("api_url")}
              hint="The base URL as the OpenAI SDKs take it (https://host/v1) or the full …/chat/completions URL; saved as the full endpoint."
            />
            <TextField
              label="API key"
              name="api_key"
              type="password"
              autoComplete="off"
              maxLength={4000}
              error={err("api_key")}
              hint={
                model?.has_api_key ? `Stored key: ${model.api_key}. Leave blank to keep it.` : "Stored encrypted and never shown again."
              }
            />
            {model?.has_api_key ? <CheckboxField className="self-end" label="Delete the stored key" name="remove_api_key" /> : null}
          </>
        )}
        <TextField
          label="Provider model name"
          name="provider_model"
          maxLength={256}
          defaultValue={model?.provider_model ?? ""}
          error={err("provider_model")}
          hint="Sent as model in each request; the key when empty."
        />
        <TextField
          label="Max tokens"
          name="max_tokens"
          type="number"
          min={1}
          step={1}
          defaultValue={str(model?.max_tokens)}
          error={err("max_tokens")}
        />
        <TextAreaField
          className="sm:col-span-2 font-mono"
          label="Extra payload (JSON)"
          name="extra_payload"
          rows={4}
          defaultValue={model && Object.keys(model.extra_payload).length ? JSON.stringify(model.extra_payload, null, 2) : ""}
          placeholder='{"temperature": 0}'
          error={err("extra_payload")}
          hint="Merged into every request body. messages, model and stream are set by Yardstick."
        />
      </fieldset>

      {simulated ? (
        <fieldset className="grid gap-4 sm:grid-cols-2">
          <legend className="mb-2 text-lg font-semibold">Simulation</legend>
          {action.failure.fieldErrors.simulation ? (
            <p className="text-sm text-red-700 sm:col-span-2 dark:text-red-300">{action.failure.fieldErrors.simulation}</p>
          ) : null}
          <TextField
            label="Seed"
            name="seed"
            type="number"
            min={0}
            step={1}
            defaultValue={str(sim?.seed ?? (model ? undefined : 42))}
            error={err("simulation.seed")}
          />
          <TextField
            label="Accuracy"
            name="accuracy"
            type="number"
            min={0}
            max={1}
            step="any"
            defaultValue={str(sim?.accuracy ?? (model ? undefined : 0.7))}
            error={err("simulation.accuracy")}
            hint="Share of tasks answered correctly, 0 to 1."
          />
          <TextField
            label="Latency mean (ms)"
            name="latency_mean"
            type="number"
            min={0}
            step="any"
            defaultValue={str(sim?.latencyMs.mean ?? (model ? undefined : 300))}
            error={err("simulation.latencyMs.mean")}
          />
          <TextField
            label="Latency stddev (ms)"
            name="latency_stddev"
            type="number"
            min={0}
            step="any"
            defaultValue={str(sim?.latencyMs.stddev ?? (model ? undefined : 50))}
            error={err("simulation.latencyMs.stddev")}
          />
        </fieldset>
      ) : null}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-lg font-semibold">Pricing and limits</legend>
        <TextField
          label="Input price per 1M tokens (USD)"
          name="price_input_per_m"
          type="number"
          min={0}
          step="any"
          defaultValue={str(model?.price_input_per_m)}
          error={err("price_input_per_m")}
        />
        <TextField
          label="Output price per 1M tokens (USD)"
          name="price_output_per_m"
          type="number"
          min={0}
          step="any"
          defaultValue={str(model?.price_output_per_m)}
          error={err("price_output_per_m")}
        />
        <TextField
          label="Requests per minute limit"
          name="rpm_limit"
          type="number"
          min={1}
          step={1}
          defaultValue={str(model?.rpm_limit)}
          error={err("rpm_limit")}
        />
        <TextField
          label="Tokens per minute limit"
          name="tpm_limit"
          type="number"
          min={1}
          step={1}
          defaultValue={str(model?.tpm_limit)}
          error={err("tpm_limit")}
        />
        <TextField
          label="Max concurrency"
          name="max_concurrency"
          type="number"
          min={1}
          step={1}
          defaultValue={str(model?.max_concurrency)}
          error={err("max_concurrency")}
          hint="Requests in flight to this model at once, across all runs in one worker process."
        />
        <TextField
          label="Context window"
          name="context_window"
          type="number"
          min={1}
          step={1}
          defaultValue={str(model?.context_window)}
          error={err("context_window")}
          hint="In tokens."
        />
      </fieldset>

      <div className="flex gap-3">
        <Button type="submit" pending={action.pending}>
          {mode === "create" ? "Create model" : "Save changes"}
        </Button>
        <ButtonLink href={back} variant="secondary">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}
