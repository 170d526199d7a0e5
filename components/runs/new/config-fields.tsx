"use client";

import { useId } from "react";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import { focusRing } from "@/components/ui/styles";
import type { ConfigState } from "./types";

type Props = { value: ConfigState; onChange: (next: ConfigState) => void; scorerNames: string[]; fieldError: (path: string) => string | undefined };

const SAMPLING = [
  { value: "greedy", label: "Greedy (temperature 0)" },
  { value: "top_p", label: "Top p (nucleus)" },
  { value: "top_k", label: "Top k" },
];

export function ConfigFields({ value, onChange, scorerNames, fieldError }: Props) {
  const set = (key: keyof ConfigState) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const scorersHint = useId();
  const num = (key: keyof ConfigState, label: string, extra: { hint?: string; min?: number; max?: number; step?: string; placeholder?: string } = {}) => (
    <TextField
      label={label}
      type="number"
      inputMode="numeric"
      value={value[key] as string}
      onChange={set(key)}
      error={fieldError(`config.${key === "temperature" || key === "top_p" || key === "top_k" || key === "max_tokens" ? `sampling.${key}` : key}`)}
      {...extra}
    />
  );
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Sampling" value={value.strategy} onChange={set("strategy")} options={SAMPLING} error={fieldError("config.sampling.strategy")} />
        {value.strategy !== "greedy" ? num("temperature", "Temperature", { min: 0, max: 2, step: "0.1" }) : null}
        {value.strategy === "top_p" ? num("top_p", "Top p", { min: 0, max: 1, step: "0.05" }) : null}
        {value.strategy === "top_k" ? num("top_k", "Top k", { min: 1, max: 1000 }) : null}
        {num("max_tokens", "Max tokens", { min: 1, placeholder: "Model default" })}
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {num("num_examples", "Number of examples", { min: 1, hint: "Blank = all tasks; otherwise a seeded sample." })}
        {num("seed", "Seed", { min: 0 })}
        {num("samples_per_task", "Samples per task", { min: 1, max: 20 })}
        {num("concurrency", "Concurrency", { min: 1, max: 256 })}
        {num("timeout_ms", "Request timeout (ms)", { min: 100, max: 600000 })}
        {num("max_attempts", "Max attempts", { min: 1, max: 10 })}
      </div>
      <TextAreaField label="System prompt" rows={3} value={value.system_prompt} onChange={set("system_prompt")} maxLength={20000} error={fieldError("config.system_prompt")} hint="Optional; sent before every task." />
      <fieldset aria-describedby={scorersHint}>
        <legend className="mb-1 text-sm font-medium text-gray-900 dark:text-gray-100">Scorers</legend>
        <p id={scorersHint} className="mb-2 text-xs text-gray-700 dark:text-gray-300">
          Default per task type when none chosen.
        </p>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {scorerNames.map((name) => (
            <label key={name} className="flex items-center gap-2 text-sm text-gray-900 dark:text-gray-100">
              <input
                type="checkbox"
                className={`h-4 w-4 rounded border-gray-500 ${focusRing}`}
                checked={value.scorers.includes(name)}
                onChange={(e) => onChange({ ...value, scorers: e.target.checked ? [...value.scorers, name] : value.scorers.filter((s) => s !== name) })}
              />
              {name}
            </label>
          ))}
        </div>
        {fieldError("config.scorers") ? <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">{fieldError("config.scorers")}</p> : null}
      </fieldset>
    </div>
  );
}
