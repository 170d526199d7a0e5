"use client";

import { useState } from "react";
import { runLabel } from "@/components/runs/run-label";
import type { ApiRun } from "@/components/runs/types";
import { buttonClass } from "@/components/ui/button";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";

const versionOf = (r: ApiRun) => `${r.benchmark.id}:${r.benchmark.version}`;

/**
 * A GET form, so the comparison it opens is a plain link. The baseline comes first in the query string;
 * only runs of the baseline's benchmark version (other than the baseline) are offered beside it.
 */
export function RunPicker({
  projectKey,
  runs,
  baseline,
  error,
}: {
  projectKey: string;
  runs: ApiRun[];
  baseline?: string;
  error?: string;
}) {
  const [baseId, setBaseId] = useState(runs.some((r) => r.id === baseline) ? baseline : runs[0]?.id);
  const base = runs.find((r) => r.id === baseId);
  const others = base ? runs.filter((r) => r.id !== base.id && versionOf(r) === versionOf(base)) : [];
  return (
    <form method="get" action={`/${projectKey}/compare`} className="space-y-4">
      <FormMessage message={error} />
      <SelectField
        label="Baseline run (A)"
        name="runs"
        value={baseId}
        onChange={(e) => setBaseId(e.target.value)}
        hint="Differences are measured from this run."
        options={runs.map((r) => ({ value: r.id, label: runLabel(r) }))}
      />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-gray-900 dark:text-gray-100">
          Compare with (one or more runs of {base ? `${base.benchmark.name} v${base.benchmark.version}` : "the same version"})
        </legend>
        {others.length === 0 ? (
          <p className="text-sm text-gray-700 dark:text-gray-300">No other completed run of this benchmark version yet.</p>
        ) : (
          others.map((r) => <CheckboxField key={`${baseId}-${r.id}`} name="runs" value={r.id} label={runLabel(r)} />)
        )}
      </fieldset>
      <button type="submit" className={buttonClass()} disabled={others.length === 0}>
        Compare
      </button>
    </form>
  );
}
