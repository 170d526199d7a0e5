"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createAlertAction } from "@/lib/actions/alerts";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

type Named = { id: string; name: string };

const METRIC_OPTIONS = [
  { value: "score", label: "Score (0–1)" },
  { value: "error_rate", label: "Error rate (0–1)" },
  { value: "median_latency", label: "Median latency (seconds)" },
  { value: "cost_per_1k", label: "Cost per 1,000 tasks ($)" },
];

const numberOr = (value: FormDataEntryValue | null, fallback: number | null) => {
  const text = String(value ?? "").trim();
  return text === "" ? fallback : Number(text);
};

/** An alert with one trigger (the API takes up to ten); the creator is subscribed in the app unless unticked. */
export function AlertForm({ projectKey, models, benchmarks }: { projectKey: string; models: Named[]; benchmarks: Named[] }) {
  const router = useRouter();
  const [condition, setCondition] = useState<"threshold" | "regression">("threshold");
  const action = useAction(
    (input: Parameters<typeof createAlertAction>[1]) => createAlertAction(projectKey, input),
    (data) => router.push(`/${projectKey}/alerts/${data.id}`),
  );
  const all = (items: Named[], what: string) => [
    { value: "", label: `All ${what}` },
    ...items.map((i) => ({ value: i.id, label: i.name })),
  ];
  return (
    <form
      noValidate
      className="max-w-2xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const model = String(data.get("model_id") ?? "");
        const benchmark = String(data.get("benchmark_id") ?? "");
        action.run({
          name: String(data.get("name") ?? ""),
          cooldown_minutes: numberOr(data.get("cooldown_minutes"), 60) ?? 60,
          notify_me: data.get("notify_me") === "on",
          triggers: [
            {
              metric: condition === "regression" ? "score" : (String(data.get("metric")) as "score"),
              condition,
              threshold: condition === "threshold" ? numberOr(data.get("threshold"), null) : null,
              invert: data.get("invert") === "on",
              p_value: numberOr(data.get("p_value"), 0.05) ?? 0.05,
              model_ids: model ? [model] : [],
              benchmark_ids: benchmark ? [benchmark] : [],
            },
          ],
        });
      }}
    >
      <FormMessage message={action.summary(["name", "cooldown_minutes", "triggers"])} />
      <TextField label="Name" name="name" required maxLength={100} error={action.fieldError("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Models" name="model_id" options={all(models, "models")} />
        <SelectField label="Benchmarks" name="benchmark_id" options={all(benchmarks, "benchmarks")} />
      </div>
      <SelectField
        label="Fires when"
        name="condition"
        value={condition}
        onChange={(e) => setCondition(e.target.value as "threshold" | "regression")}
        options={[
          { value: "threshold", label: "a metric crosses a threshold" },
          { value: "regression", label: "the score regresses significantly vs the pair's previous run" },
        ]}
      />
      {condition === "threshold" ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Metric" name="metric" options={METRIC_OPTIONS} />
          <TextField
            label="Threshold"
            name="threshold"
            type="number"
            step="any"
            required
            error={action.fieldError("triggers.0.threshold")}
          />
          <CheckboxField label="Fire below the threshold (invert)" name="invert" className="self-end" />
        </div>
      ) : (
        <TextField
          label="Significance level (p)"
          name="p_value"
          type="number"
          step="any"
          defaultValue={0.05}
          hint="McNemar's exact test for pass/fail scores, a paired t-test for numeric ones, as on the comparison page."
          error={action.fieldError("triggers.0.p_value")}
        />
      )}
      <TextField
        label="Cooldown (minutes)"
        name="cooldown_minutes"
        type="number"
        min={0}
        defaultValue={60}
        hint="After an event, nothing new fires for this long."
        error={action.fieldError("cooldown_minutes")}
      />
      <CheckboxField label="Notify me in the app (the bell)" name="notify_me" defaultChecked />
      <Button type="submit" pending={action.pending}>
        Create alert
      </Button>
    </form>
  );
}
