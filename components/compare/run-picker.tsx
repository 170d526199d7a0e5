import { buttonClass } from "@/components/ui/button";
import { CheckboxField, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formatDate } from "@/components/ui/format-date";
import type { ApiRun } from "@/components/runs/types";

const runLabel = (r: ApiRun) => `${r.model.name} · ${r.benchmark.name} v${r.benchmark.version} · ${formatDate(r.created_at)}`;

/**
 * A GET form, so the comparison it opens is a plain link. The baseline comes first in the query string;
 * a baseline also ticked below is dropped by the page.
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
  return (
    <form method="get" action={`/${projectKey}/compare`} className="space-y-4">
      <FormMessage message={error} />
      <SelectField
        label="Baseline run (A)"
        name="runs"
        defaultValue={baseline ?? runs[0]?.id}
        hint="Differences are measured from this run. Compare runs of the same benchmark version."
        options={runs.map((r) => ({ value: r.id, label: runLabel(r) }))}
      />
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-gray-900 dark:text-gray-100">Compare with (one or more)</legend>
        {runs.map((r) => (
          <CheckboxField key={r.id} name="runs" value={r.id} label={runLabel(r)} />
        ))}
      </fieldset>
      <button type="submit" className={buttonClass()}>
        Compare
      </button>
    </form>
  );
}
