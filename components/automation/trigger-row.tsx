"use client";

import type { Ref } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import type { Metric, TriggerDraft, Watch } from "./trigger-draft";

export type Named = { id: string; name: string };

const WATCH_OPTIONS: { value: Watch; label: string }[] = [
  { value: "threshold", label: "a run's metric crosses a threshold" },
  { value: "regression", label: "a run's score regresses significantly vs the pair's previous run" },
  { value: "ab_test_completed", label: "an A/B test completes (winner or no difference)" },
  { value: "ab_test_srm", label: "an A/B test shows a sample ratio mismatch (p < 0.001)" },
];

const METRIC_OPTIONS = [
  { value: "score", label: "Score (0–1)" },
  { value: "error_rate", label: "Error rate (0–1)" },
  { value: "median_latency", label: "Median latency (seconds)" },
  { value: "cost_per_1k", label: "Cost per 1,000 tasks ($)" },
];

const selected = (e: { target: HTMLSelectElement }) => Array.from(e.target.selectedOptions, (o) => o.value);

/** A multi-select where nothing chosen means all; Ctrl/Cmd or Shift with the arrow keys choose several. */
function ScopeField(props: { label: string; items: Named[]; value: string[]; onChange: (ids: string[]) => void; error?: string }) {
  return (
    <SelectField
      label={props.label}
      multiple
      size={Math.min(4, Math.max(2, props.items.length))}
      value={props.value}
      onChange={(e) => props.onChange(selected(e))}
      options={props.items.map((i) => ({ value: i.id, label: i.name }))}
      hint="None selected: all."
      error={props.error}
    />
  );
}

type Props = {
  index: number;
  draft: TriggerDraft;
  onChange: (draft: TriggerDraft) => void;
  onRemove: (() => void) | null;
  error: (field: string) => string | undefined;
  /** The row's fieldset, so the form can move focus to its first control after adding or removing a row. */
  fieldsetRef: Ref<HTMLFieldSetElement>;
  scope: { models: Named[]; benchmarks: Named[]; useCases: Named[] };
};

/** One trigger of the alert form, in its own fieldset named "Trigger N" (its errors name the row too). */
export function TriggerRow({ index, draft, onChange, onRemove, error, fieldsetRef, scope }: Props) {
  const set = (changes: Partial<TriggerDraft>) => onChange({ ...draft, ...changes });
  const label = `Trigger ${index + 1}`;
  const ab = draft.watch === "ab_test_completed" || draft.watch === "ab_test_srm";
  return (
    <fieldset ref={fieldsetRef} className="space-y-3 rounded-md border border-gray-300 p-4 dark:border-gray-700">
      <legend className="px-1 text-sm font-semibold">{label}</legend>
      <div className="flex items-end gap-3">
        <SelectField
          className="flex-1"
          label="Fires when"
          value={draft.watch}
          onChange={(e) => set({ watch: e.target.value as Watch })}
          options={WATCH_OPTIONS}
          error={error("kind")}
        />
        {onRemove ? (
          <Button type="button" variant="secondary" onClick={onRemove} aria-label={`Remove ${label.toLowerCase()}`}>
            Remove
          </Button>
        ) : null}
      </div>
      {ab ? (
        <ScopeField
          label="Use cases"
          items={scope.useCases}
          value={draft.use_case_ids}
          onChange={(ids) => set({ use_case_ids: ids })}
          error={error("use_case_ids")}
        />
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <ScopeField
              label="Models"
              items={scope.models}
              value={draft.model_ids}
              onChange={(ids) => set({ model_ids: ids })}
              error={error("model_ids")}
            />
            <ScopeField
              label="Benchmarks"
              items={scope.benchmarks}
              value={draft.benchmark_ids}
              onChange={(ids) => set({ benchmark_ids: ids })}
              error={error("benchmark_ids")}
            />
          </div>
          {draft.watch === "threshold" ? (
            <div className="grid gap-4 sm:grid-cols-3">
              <SelectField
                label="Metric"
                value={draft.metric}
                onChange={(e) => set({ metric: e.target.value as Metric })}
                options={METRIC_OPTIONS}
                error={error("metric")}
              />
              <TextField
                label="Threshold"
                type="number"
                step="any"
                required
                value={draft.threshold}
                onChange={(e) => set({ threshold: e.target.value })}
                error={error("threshold")}
              />
              <CheckboxField
                label="Fire below the threshold (invert)"
                className="self-end"
                checked={draft.invert}
                onChange={(e) => set({ invert: e.target.checked })}
              />
            </div>
          ) : (
            <TextField
              label="Significance level (p)"
              type="number"
              step="any"
              value={draft.p_value}
              onChange={(e) => set({ p_value: e.target.value })}
              hint="McNemar's exact test for pass/fail scores, a paired t-test for numeric ones, as on the comparison page."
              error={error("p_value")}
            />
          )}
          {draft.metric === "score" || draft.watch === "regression" ? (
            <TextField
              label="Scorer (optional)"
              value={draft.scorer}
              onChange={(e) => set({ scorer: e.target.value })}
              hint="A scorer's key, e.g. exact_match; the run's primary score when empty."
              error={error("scorer")}
            />
          ) : null}
        </>
      )}
    </fieldset>
  );
}
