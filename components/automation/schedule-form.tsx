"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { createScheduleAction, updateScheduleAction } from "@/lib/actions/schedules";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import type { Cadence } from "@/db/schema";
import { ConfigFields } from "@/components/runs/new/config-fields";
import { configStateOf, keepHiddenFields } from "@/components/runs/new/config-state";
import { type ConfigState, changedPaths, INITIAL_CONFIG, toRunConfig } from "@/components/runs/new/types";
import { cronProblem, describeCadence, nextOccurrence } from "@/lib/automation/cadence";
import type { ParamDoc } from "@/lib/scoring/param-docs";
import type { ScheduleItem } from "./schedule-table";

type Named = { id: string; name: string };

function Choices({
  legend,
  name,
  items,
  chosen,
  error,
}: {
  legend: string;
  name: string;
  items: Named[];
  chosen: string[];
  error?: string;
}) {
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="max-h-48 space-y-1 overflow-y-auto rounded-md border border-gray-300 p-2 dark:border-gray-700">
        {items.map((item) => (
          <label key={item.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name={name} value={item.id} defaultChecked={chosen.includes(item.id)} />
            {item.name}
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">{error}</p> : null}
    </fieldset>
  );
}

/**
 * Create or edit a schedule, with a live, human-readable preview of the cadence and its next occurrence,
 * and the run form's config fields (every run of the schedule gets that config).
 */
export function ScheduleForm({
  projectKey,
  models,
  benchmarks,
  paramDocs,
  initial,
}: {
  projectKey: string;
  models: Named[];
  benchmarks: Named[];
  paramDocs: Record<string, ParamDoc[]>;
  initial?: ScheduleItem;
}) {
  const router = useRouter();
  const [browserZone, setBrowserZone] = useState("UTC");
  const [cadence, setCadence] = useState<Cadence>(initial?.cadence ?? { kind: "cron", expression: "0 9 * * 1", timezone: "UTC" });
  // The server renders in UTC; a new schedule then defaults to the viewer's own zone.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    setBrowserZone(zone);
    if (!initial) setCadence((c) => (c.kind === "cron" ? { ...c, timezone: zone } : c));
  }, [initial]);
  const done = (data: { id: string }) => router.push(`/${projectKey}/schedules/${data.id}`);
  const create = useAction((input: Parameters<typeof createScheduleAction>[1]) => createScheduleAction(projectKey, input), done);
  const update = useAction((input: Parameters<typeof updateScheduleAction>[1]) => updateScheduleAction(projectKey, input), done);
  const action = initial ? update : create;
  const [config, setConfig] = useState<ConfigState>(() => (initial ? configStateOf(initial.config) : INITIAL_CONFIG));
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const problem = cadence.kind === "cron" ? cronProblem(cadence.expression, cadence.timezone) : null;
  const preview = problem
    ? `Not valid yet: ${problem}`
    : `${describeCadence(cadence)}; next ${nextOccurrence(cadence, new Date(), new Date()).toLocaleString()}`;
  const fieldError = (path: string) => localErrors[path] ?? (initial ? update.fieldError(`changes.${path}`) : create.fieldError(path));
  return (
    <form
      noValidate
      className="max-w-2xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const shown = toRunConfig(config);
        setLocalErrors(shown.errors);
        if (Object.keys(shown.errors).length) return;
        // datetime-local is the viewer's wall-clock time; Date reads it in their zone.
        const start = String(data.get("start_at") ?? "").trim();
        const input = {
          name: String(data.get("name") ?? ""),
          model_ids: data.getAll("model_ids").map(String),
          benchmark_ids: data.getAll("benchmark_ids").map(String),
          cadence,
          ...(start ? { start_at: new Date(start).toISOString() } : {}),
          config: initial ? keepHiddenFields(initial.config, shown.config) : shown.config,
        };
        if (initial) update.run({ id: initial.id, changes: input });
        else create.run(input);
      }}
    >
      <FormMessage message={action.failure.message} />
      <TextField label="Name" name="name" required maxLength={100} defaultValue={initial?.name} error={fieldError("name")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Choices legend="Models" name="model_ids" items={models} chosen={initial?.model_ids ?? []} error={fieldError("model_ids")} />
        <Choices
          legend="Benchmarks"
          name="benchmark_ids"
          items={benchmarks}
          chosen={initial?.benchmark_ids ?? []}
          error={fieldError("benchmark_ids")}
        />
      </div>
      <SelectField
        label="Cadence"
        name="kind"
        value={cadence.kind}
        onChange={(e) =>
          setCadence(
            e.target.value === "cron"
              ? { kind: "cron", expression: "0 9 * * 1", timezone: browserZone }
              : { kind: "interval", every: 6, unit: "hours" },
          )
        }
        options={[
          { value: "cron", label: "Cron expression in a time zone" },
          { value: "interval", label: "Every N minutes, hours or days" },
        ]}
      />
      {cadence.kind === "cron" ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Cron expression"
            name="expression"
            value={cadence.expression}
            onChange={(e) => setCadence({ ...cadence, expression: e.target.value })}
            hint="minute hour day-of-month month day-of-week"
            error={fieldError("cadence.expression")}
          />
          <TextField
            label="Time zone"
            name="timezone"
            value={cadence.timezone}
            onChange={(e) => setCadence({ ...cadence, timezone: e.target.value })}
          />
        </div>
      ) : (
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Every"
            name="every"
            type="number"
            min={1}
            value={cadence.every}
            onChange={(e) => setCadence({ ...cadence, every: Number(e.target.value) })}
            error={fieldError("cadence.every")}
          />
          <SelectField
            label="Unit"
            name="unit"
            value={cadence.unit}
            onChange={(e) => setCadence({ ...cadence, unit: e.target.value as "minutes" | "hours" | "days" })}
            options={["minutes", "hours", "days"].map((u) => ({ value: u, label: u }))}
          />
        </div>
      )}
      <p
        role="status"
        data-testid="cadence-preview"
        suppressHydrationWarning
        className="rounded-md bg-gray-50 p-2 text-sm dark:bg-gray-800"
      >
        {preview}
      </p>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Run configuration</legend>
        <ConfigFields
          value={config}
          onChange={(next) => {
            const paths = changedPaths(config, next);
            action.clearFields(...paths.map((p) => (initial ? `changes.${p}` : p)));
            setLocalErrors({});
            setConfig(next);
          }}
          scorerNames={Object.keys(paramDocs)}
          paramDocs={paramDocs}
          fieldError={fieldError}
        />
      </fieldset>
      <Button type="submit" pending={action.pending}>
        {initial ? "Save schedule" : "Create schedule"}
      </Button>
    </form>
  );
}
