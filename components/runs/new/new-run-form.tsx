"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { startRunsAction } from "@/lib/actions/runs";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { focusRing, linkClass } from "@/components/ui/styles";
import { useAction } from "@/components/ui/use-action";
import type { ParamDoc } from "@/lib/scoring/param-docs";
import { ChoiceList } from "./choice-list";
import { ConfigFields } from "./config-fields";
import { RunEstimate } from "./run-estimate";
import {
  type ActiveRun,
  type ConfigState,
  changedPaths,
  INITIAL_CONFIG,
  type RunnableBenchmark,
  type RunnableModel,
  toRunConfig,
} from "./types";

// Per submission, for the chosen pairs that already have a scheduled or in-progress run (API: if_running).
const IF_RUNNING = [
  { value: "new", label: "Start a new run beside it" },
  { value: "existing", label: "Use the running one (other pairs still start)" },
] as const;

type Props = {
  projectKey: string;
  models: RunnableModel[];
  benchmarks: RunnableBenchmark[];
  active: ActiveRun[];
  paramDocs: Record<string, ParamDoc[]>;
};

export function NewRunForm({ projectKey, models, benchmarks, active, paramDocs }: Props) {
  const router = useRouter();
  const [modelIds, setModelIds] = useState<string[]>([]);
  const [benchmarkIds, setBenchmarkIds] = useState<string[]>([]);
  const [config, setConfig] = useState<ConfigState>(INITIAL_CONFIG);
  const [ifRunning, setIfRunning] = useState<"new" | "existing">("new");
  const [note, setNote] = useState("");
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const base = `/${projectKey}/runs`;
  const action = useAction(
    (input: Parameters<typeof startRunsAction>[1]) => startRunsAction(projectKey, input),
    ({ ids }) => {
      router.push(ids.length === 1 ? `${base}/${ids[0]}` : base);
      router.refresh();
    },
  );
  const chosenModels = models.filter((m) => modelIds.includes(m.id));
  const chosenBenchmarks = benchmarks.filter((b) => benchmarkIds.includes(b.id));
  const pairs = chosenModels.flatMap((m) => chosenBenchmarks.map((b) => ({ model_id: m.id, benchmark_id: b.id })));
  const running = active.filter((r) => pairs.some((p) => p.model_id === r.model_id && p.benchmark_id === r.benchmark_id));
  const n = pairs.length;
  const reusing =
    ifRunning === "existing"
      ? pairs.filter((p) => running.some((r) => r.model_id === p.model_id && r.benchmark_id === p.benchmark_id)).length
      : 0;
  const starting = n - reusing;
  const fieldError = (path: string) => localErrors[path] ?? action.fieldError(path);
  // A message belongs to its field: editing the field hides it until the next submission.
  const changeConfig = (next: ConfigState) => {
    const paths = changedPaths(config, next);
    action.clearFields(...paths);
    setLocalErrors((errors) =>
      Object.fromEntries(Object.entries(errors).filter(([k]) => !paths.some((p) => k === p || k.startsWith(`${p}.`)))),
    );
    setConfig(next);
  };

  return (
    <form
      className="space-y-6"
      onSubmit={(e) => {
        e.preventDefault();
        const { config: runConfig, errors } = toRunConfig(config);
        setLocalErrors(errors);
        if (n > 0 && Object.keys(errors).length === 0)
          action.run({ pairs, config: runConfig, if_running: ifRunning, note: note.trim() || undefined });
      }}
    >
      <Section title="What to evaluate" description="Every chosen model runs on every chosen benchmark's latest version.">
        <div className="grid gap-6 md:grid-cols-2">
          <ChoiceList
            legend="Models"
            items={models.map((m) => ({ id: m.id, label: m.name, extra: m.simulated ? <Badge tone="amber">simulated</Badge> : null }))}
            selected={modelIds}
            onChange={setModelIds}
            empty="No runnable models in this project. Add models with an endpoint on the Models page."
          />
          <ChoiceList
            legend="Benchmarks"
            items={benchmarks.map((b) => ({ id: b.id, label: `${b.name} (v${b.version}, ${b.task_count} tasks)` }))}
            selected={benchmarkIds}
            onChange={setBenchmarkIds}
            empty="No benchmarks in this project yet. Upload one on the Benchmarks page."
          />
        </div>
      </Section>
      <Section title="Configuration">
        <ConfigFields
          value={config}
          onChange={changeConfig}
          scorerNames={Object.keys(paramDocs)}
          paramDocs={paramDocs}
          fieldError={fieldError}
        />
      </Section>
      <TextAreaField
        label="Note"
        rows={2}
        maxLength={2000}
        value={note}
        onChange={(e) => {
          setNote(e.target.value);
          action.clearFields("note");
        }}
        error={action.fieldError("note")}
        hint="Optional; shown with each run, e.g. why it was started."
      />
      <RunEstimate models={chosenModels} benchmarks={chosenBenchmarks} config={config} />
      {running.length > 0 ? (
        <fieldset className="rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          <legend className="px-1 font-semibold">Already running</legend>
          <ul className="list-disc pl-5">
            {running.map((r) => (
              <li key={r.id}>
                <Link className={linkClass} href={`${base}/${r.id}`}>
                  {r.label}
                </Link>{" "}
                is {r.status === "scheduled" ? "scheduled" : "in progress"}.
              </li>
            ))}
          </ul>
          <div className="mt-2 space-y-1">
            {IF_RUNNING.map((option) => (
              <label key={option.value} className="flex items-center gap-2">
                <input
                  type="radio"
                  name="if_running"
                  value={option.value}
                  checked={ifRunning === option.value}
                  onChange={() => setIfRunning(option.value)}
                  className={`h-4 w-4 ${focusRing}`}
                />
                {option.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <FormMessage message={action.summary(["config", "note"])} />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={action.pending} disabled={n === 0}>
          {starting === 0
            ? n === 1
              ? "Open the running evaluation"
              : "Open the running evaluations"
            : starting === 1
              ? "Start 1 run"
              : `Start ${starting} runs`}
        </Button>
        {n === 0 ? <p className="text-sm text-gray-700 dark:text-gray-300">Choose at least one model and one benchmark.</p> : null}
      </div>
    </form>
  );
}
