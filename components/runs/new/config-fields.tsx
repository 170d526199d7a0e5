"use client";

import { VariableList } from "@/components/prompts/variable-list";
import { SelectField, TextAreaField, TextField } from "@/components/ui/field";
import type { ParamDoc } from "@/lib/scoring/param-docs";
import { ScorersEditor } from "./scorers-editor";
import { type ConfigState, configErrorPath } from "./types";

type Props = {
  value: ConfigState;
  onChange: (next: ConfigState) => void;
  scorerNames: string[];
  paramDocs: Record<string, ParamDoc[]>;
  fieldError: (path: string) => string | undefined;
};

const SAMPLING = [
  { value: "greedy", label: "Greedy (temperature 0)" },
  { value: "top_p", label: "Top p (nucleus)" },
  { value: "top_k", label: "Top k" },
];

export function ConfigFields({ value, onChange, scorerNames, paramDocs, fieldError }: Props) {
  const set = (key: keyof ConfigState) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  const num = (
    key: keyof ConfigState,
    label: string,
    extra: { hint?: string; min?: number; max?: number; step?: string; placeholder?: string } = {},
  ) => (
    <TextField
      label={label}
      type="number"
      inputMode="decimal"
      value={value[key] as string}
      onChange={set(key)}
      error={fieldError(configErrorPath(key))}
      {...extra}
    />
  );
  const stageErrors = [fieldError(configErrorPath("prompt_template")), fieldError(configErrorPath("parse_expression"))];
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField
          label="Sampling"
          value={value.strategy}
          onChange={set("strategy")}
          options={SAMPLING}
          error={fieldError("config.sampling.strategy")}
        />
        {value.strategy !== "greedy" ? num("temperature", "Temperature", { min: 0, max: 2, step: "0.1" }) : null}
        {value.strategy === "top_p" ? num("top_p", "Top p", { min: 0, max: 1, step: "0.05" }) : null}
        {value.strategy === "top_k" ? num("top_k", "Top k", { min: 1, max: 1000 }) : null}
        {num("max_tokens", "Max tokens", { min: 1, placeholder: "Model default" })}
        {num("repetition_penalty", "Repetition penalty", { min: 0, max: 10, step: "0.05", placeholder: "Model default" })}
      </div>
      <TextAreaField
        label="Stop sequences"
        rows={2}
        className="font-mono"
        value={value.stop}
        onChange={set("stop")}
        error={fieldError("config.sampling.stop")}
        hint="One per line, at most 8; generation stops at the first one."
      />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {num("num_examples", "Number of examples", { min: 1, hint: "Blank = all tasks; otherwise a seeded sample." })}
        {num("seed", "Seed", { min: 0 })}
        {num("samples_per_task", "Samples per task", { min: 1, max: 20 })}
        {num("concurrency", "Concurrency", { min: 1, max: 256 })}
        {num("timeout_ms", "Request timeout (ms)", { min: 100, max: 600000 })}
        {num("max_attempts", "Max attempts", { min: 1, max: 10 })}
      </div>
      <TextAreaField
        label="System prompt"
        rows={3}
        value={value.system_prompt}
        onChange={set("system_prompt")}
        maxLength={20000}
        error={fieldError("config.system_prompt")}
        hint={
          <>
            Optional; sent before every task instead of the task&apos;s own. A Liquid template such as {"{{ task.subset }}"}; plain text is
            sent as is.
            <VariableList stage="system_prompt" />
          </>
        }
      />
      <ScorersEditor
        rows={value.scorers}
        onChange={(scorers) => onChange({ ...value, scorers })}
        scorerNames={scorerNames}
        paramDocs={paramDocs}
        fieldError={fieldError}
      />
      {/* Open when the server refused one of its fields, so the message is visible. */}
      <details className="rounded-md border border-gray-200 p-3 dark:border-gray-800" open={stageErrors.some(Boolean) || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-gray-900 dark:text-gray-100">
          Advanced: prompt template and response parsing
        </summary>
        <div className="mt-3 space-y-4">
          <TextAreaField
            label="Prompt template (Liquid)"
            rows={4}
            className="font-mono"
            spellCheck={false}
            value={value.prompt_template}
            onChange={set("prompt_template")}
            maxLength={20000}
            error={stageErrors[0]}
            hint={
              <>
                Replaces the question for every task type. Blank = the task type&apos;s default.
                <VariableList stage="prompt" />
              </>
            }
          />
          <TextAreaField
            label="Parse expression (JSONata)"
            rows={3}
            className="font-mono"
            spellCheck={false}
            value={value.parse_expression}
            onChange={set("parse_expression")}
            maxLength={20000}
            error={stageErrors[1]}
            hint="Evaluated on the response; its result is the answer scorers grade, e.g. $match(response, /####\s*(.+)$/)[0].groups[0]. Try it in the Expressions playground."
          />
        </div>
      </details>
    </div>
  );
}
