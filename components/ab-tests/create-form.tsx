"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createAbTestAction } from "@/lib/actions/ab-tests";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import { formatDuration } from "@/components/runs/format";
import type { ApiUseCase } from "@/lib/services/use-cases/read";
import { CreateAbTest } from "@/lib/validation/ab-tests";

type Traffic = Record<string, { requestsPerHour: number; feedbackShare: Record<string, number> }>;
type Key = { key: string; name: string; kind: string };

const FIELDS = [
  "key",
  "use_case",
  "feedback_key",
  "models",
  "traffic_split",
  "feedback_type",
  "min_samples_per_arm",
  "max_samples_per_arm",
  "ends_at",
];

/** Hours until every arm has min_samples_per_arm feedbacks at last week's traffic and feedback rate, or null without traffic. */
export function expectedSeconds(
  traffic: Traffic[string] | undefined,
  key: string,
  arms: number,
  split: number,
  minSamples: number,
): number | null {
  const share = traffic?.feedbackShare[key] ?? 0;
  const perHour = (traffic?.requestsPerHour ?? 0) * split * share;
  return perHour > 0 && arms > 0 ? ((minSamples * arms) / perHour) * 3600 : null;
}

export function CreateAbTestForm({
  projectKey,
  useCases,
  keys,
  traffic,
}: {
  projectKey: string;
  useCases: ApiUseCase[];
  keys: Key[];
  traffic: Traffic;
}) {
  const router = useRouter();
  const [useCase, setUseCase] = useState(useCases[0]?.key ?? "");
  const [feedbackKey, setFeedbackKey] = useState(keys[0]?.key ?? "");
  const [models, setModels] = useState<string[]>([]);
  const [split, setSplit] = useState("0.5");
  const [minSamples, setMinSamples] = useState("100");
  const [local, setLocal] = useState<Record<string, string>>({});
  const action = useAction(
    (input: CreateAbTest) => createAbTestAction(projectKey, input),
    (data) => router.push(`/${projectKey}/ab-tests/${encodeURIComponent(data.key)}`),
  );
  const selected = useCases.find((u) => u.key === useCase);
  const challengers = selected?.models.filter((m) => !m.is_default && m.online) ?? [];
  const seconds = expectedSeconds(traffic[selected?.id ?? ""], feedbackKey, models.length + 1, Number(split), Number(minSamples));
  const error = (field: string) => local[field] ?? action.fieldError(field);

  function submit(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? "").trim();
    const input = {
      key: text("key"),
      use_case: useCase,
      feedback_key: feedbackKey,
      models,
      traffic_split: Number(split),
      feedback_type: text("feedback_type"),
      auto_deploy: data.get("auto_deploy") === "on",
      min_samples_per_arm: Number(minSamples),
      max_samples_per_arm: text("max_samples_per_arm") ? Number(text("max_samples_per_arm")) : null,
      ends_at: text("ends_at") ? new Date(text("ends_at")).toISOString() : null,
    };
    const parsed = CreateAbTest.safeParse(input);
    if (!parsed.success) {
      setLocal(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? "form"), i.message])));
      return;
    }
    setLocal({});
    action.run(parsed.data);
  }

  if (!useCases.length)
    return <FormMessage message="Create a use case with at least two models first: an A/B test splits a use case's traffic." />;
  return (
    <form
      noValidate
      className="grid max-w-2xl gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <FormMessage message={Object.keys(local).length ? "Please correct the highlighted fields." : action.summary(FIELDS)} />
      <TextField
        label="Key"
        name="key"
        required
        placeholder="checkout-prompt-v2"
        error={error("key")}
        hint="Lowercase letters, digits, '-' and '_'. Clients can force a request into the test with ab_campaign: <key>."
      />
      <SelectField
        label="Use case"
        value={useCase}
        onChange={(e) => {
          setUseCase(e.target.value);
          setModels([]);
        }}
        options={useCases.map((u) => ({ value: u.key, label: `${u.name} (default: ${u.default_model ?? "none"})` }))}
        error={error("use_case")}
      />
      <fieldset aria-describedby="ab-models-hint">
        <legend className="mb-1 text-sm font-medium">Challengers</legend>
        <p id="ab-models-hint" className="mb-2 text-xs text-gray-700 dark:text-gray-300">
          The use case's default ({selected?.default_model ?? "none"}) is arm A, the control. Pick 1–5 online models attached to the use
          case.
        </p>
        {challengers.length === 0 ? <p className="text-sm">This use case has no other online model: attach one first.</p> : null}
        {challengers.map((m) => (
          <CheckboxField
            key={m.key}
            label={`${m.name} (${m.key})`}
            checked={models.includes(m.key)}
            onChange={(e) => setModels(e.target.checked ? [...models, m.key] : models.filter((k) => k !== m.key))}
          />
        ))}
        {error("models") ? <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">{error("models")}</p> : null}
      </fieldset>
      <SelectField
        label="Feedback key"
        value={feedbackKey}
        onChange={(e) => setFeedbackKey(e.target.value)}
        options={keys.map((k) => ({ value: k.key, label: `${k.name} (${k.kind})` }))}
        error={error("feedback_key")}
      />
      <SelectField
        label="Feedback type"
        name="feedback_type"
        defaultValue="metric"
        options={[
          { value: "metric", label: "Metric: a value per answer (thumbs up, rating)" },
          { value: "preference", label: "Preference: one answer preferred over another" },
        ]}
        error={error("feedback_type")}
      />
      <TextField
        label="Traffic split"
        type="number"
        min={0}
        max={1}
        step={0.05}
        value={split}
        onChange={(e) => setSplit(e.target.value)}
        error={error("traffic_split")}
        hint="Share of the use case's model: default requests that join the test (0–1)."
      />
      <TextField
        label="Minimum samples per arm"
        type="number"
        min={1}
        value={minSamples}
        onChange={(e) => setMinSamples(e.target.value)}
        error={error("min_samples_per_arm")}
        hint={
          seconds === null
            ? "No recent traffic with this feedback key: the time to reach it depends on your users."
            : `At last week's traffic and feedback rate, about ${formatDuration(seconds)} until every arm has this many feedbacks.`
        }
      />
      <TextField
        label="Maximum samples per arm (optional)"
        name="max_samples_per_arm"
        type="number"
        min={1}
        error={error("max_samples_per_arm")}
        hint="Stop with “no significant difference” when the smallest arm gets here."
      />
      <TextField label="Ends at (optional)" name="ends_at" type="datetime-local" error={error("ends_at")} />
      <CheckboxField
        label="Auto-deploy the winner as the use case's default"
        name="auto_deploy"
        hint="Not when the traffic split shows a sample ratio mismatch."
      />
      <div>
        <Button type="submit" pending={action.pending}>
          Start A/B test
        </Button>
      </div>
    </form>
  );
}
