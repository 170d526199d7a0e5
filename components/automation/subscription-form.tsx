"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { createSubscriptionAction } from "@/lib/actions/subscriptions";
import { Button } from "@/components/ui/button";
import { CheckboxField, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { controlClass } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";

type Named = { id: string; name: string };
type Kind = "in_app" | "webhook" | "email";

/** The webhook secret, shown once: it signs every delivery and cannot be read back. */
function SecretBox({ secret }: { secret: string }) {
  const id = useId();
  return (
    <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950">
      <label htmlFor={id} className="block text-sm font-semibold text-amber-900 dark:text-amber-100">
        Signing secret — copy it now, it will not be shown again
      </label>
      <input id={id} readOnly value={secret} className={`${controlClass} font-mono`} onFocus={(e) => e.currentTarget.select()} />
    </div>
  );
}

/** Subscribes a destination to one alert (`alertId`), or to run events of the project, a model or a benchmark. */
export function SubscriptionForm({
  projectKey,
  alertId,
  models = [],
  benchmarks = [],
  emailEnabled,
}: {
  projectKey: string;
  alertId?: string;
  models?: Named[];
  benchmarks?: Named[];
  emailEnabled: boolean;
}) {
  const router = useRouter();
  const [kind, setKind] = useState<Kind>("in_app");
  const action = useAction(
    (input: Parameters<typeof createSubscriptionAction>[1]) => createSubscriptionAction(projectKey, input),
    () => router.refresh(),
  );
  const kinds = [
    { value: "in_app", label: "In the app (the bell)" },
    { value: "webhook", label: "Webhook" },
    ...(emailEnabled ? [{ value: "email", label: "Email" }] : []),
  ];
  return (
    <div className="space-y-3">
      {action.data?.secret ? <SecretBox secret={action.data.secret} /> : null}
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const model = String(data.get("model_id") ?? "");
          const benchmark = String(data.get("benchmark_id") ?? "");
          const events = (["run.completed", "run.failed"] as const).filter((t) => data.get(t) === "on");
          action.run({
            kind,
            ...(kind === "webhook" ? { url: String(data.get("url") ?? "") } : {}),
            ...(kind === "email" ? { email: String(data.get("email") ?? "") } : {}),
            ...(alertId
              ? { alert_id: alertId }
              : { run_events: [...events], ...(model ? { model_id: model } : {}), ...(benchmark ? { benchmark_id: benchmark } : {}) }),
          });
        }}
      >
        <FormMessage message={action.summary(["kind", "url", "email", "run_events"])} />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField label="Destination" name="kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)} options={kinds} />
          {kind === "webhook" ? (
            <TextField
              label="Webhook URL"
              name="url"
              type="url"
              required
              error={action.fieldError("url")}
              hint="Public http(s) only; checked again at each delivery."
            />
          ) : null}
          {kind === "email" ? (
            <TextField label="Email address" name="email" type="email" required error={action.fieldError("email")} />
          ) : null}
        </div>
        {alertId ? null : (
          <>
            <fieldset className="flex flex-wrap gap-4">
              <legend className="mb-1 text-sm font-medium">Run events</legend>
              <CheckboxField label="Completed" name="run.completed" defaultChecked />
              <CheckboxField label="Failed" name="run.failed" defaultChecked />
            </fieldset>
            <div className="grid gap-3 sm:grid-cols-2">
              <SelectField
                label="Model"
                name="model_id"
                options={[{ value: "", label: "Any model" }, ...models.map((m) => ({ value: m.id, label: m.name }))]}
              />
              <SelectField
                label="Benchmark"
                name="benchmark_id"
                options={[{ value: "", label: "Any benchmark" }, ...benchmarks.map((b) => ({ value: b.id, label: b.name }))]}
              />
            </div>
          </>
        )}
        <Button type="submit" pending={action.pending}>
          Subscribe
        </Button>
      </form>
    </div>
  );
}
