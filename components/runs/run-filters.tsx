import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { anyOf } from "@/components/ui/options";
import { STATUS_LABELS } from "./format";
import { hasRunFilters, type RunFilters } from "./filters";
import { RUN_STATUSES } from "./types";

type Option = { id: string; name: string };

/** A GET form, so filtering works before JavaScript loads and every view is a link. */
export function RunFiltersBar({
  base,
  filters,
  models,
  benchmarks,
}: {
  base: string;
  filters: RunFilters;
  models: Option[];
  benchmarks: Option[];
}) {
  return (
    <section aria-label="Filters" className="mb-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
      <form method="get" action={base} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <SelectField
          label="Status"
          name="status"
          defaultValue={filters.status ?? ""}
          options={anyOf(RUN_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] })))}
        />
        <SelectField
          label="Model"
          name="model"
          defaultValue={filters.model_id ?? ""}
          options={anyOf(models.map((m) => ({ value: m.id, label: m.name })))}
        />
        <SelectField
          label="Benchmark"
          name="benchmark"
          defaultValue={filters.benchmark_id ?? ""}
          options={anyOf(benchmarks.map((b) => ({ value: b.id, label: b.name })))}
        />
        <TextField label="Tags" name="tag" defaultValue={filters.tags.join(", ")} placeholder="nightly" />
        <FilterActions clearHref={hasRunFilters(filters) ? base : null} />
      </form>
    </section>
  );
}
