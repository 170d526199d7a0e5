import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { anyOf } from "@/components/ui/options";
import { TASK_TYPES } from "@/lib/benchmarks/task";
import type { ListTasks } from "@/lib/validation/benchmarks";

/** The task list's URL state: GET …/tasks' query (ListTasks) plus the page. */
export type TaskFilters = ListTasks & { page: number };

/** A GET form over the tasks of the shown version; the version travels as a hidden field. */
export function TaskFiltersBar({
  base,
  version,
  filters,
  subsets,
}: {
  base: string;
  version: number;
  filters: TaskFilters;
  subsets: string[];
}) {
  const active = Boolean(filters.q || filters.subset || filters.type || filters.redacted);
  return (
    <search>
      <form method="get" action={base} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <input type="hidden" name="v" value={version} />
        <TextField label="Search tasks" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className="lg:col-span-2" />
        {subsets.length ? (
          <SelectField
            label="Subset"
            name="subset"
            defaultValue={filters.subset ?? ""}
            options={anyOf(subsets.map((s) => ({ value: s, label: s })))}
          />
        ) : (
          <TextField label="Subset" name="subset" defaultValue={filters.subset ?? ""} maxLength={200} />
        )}
        <SelectField
          label="Type"
          name="type"
          defaultValue={filters.type ?? ""}
          options={anyOf(TASK_TYPES.map((t) => ({ value: t, label: t })))}
        />
        <SelectField
          label="Redacted"
          name="redacted"
          defaultValue={filters.redacted ?? ""}
          options={anyOf([
            { value: "true", label: "Redacted" },
            { value: "false", label: "Not redacted" },
          ])}
        />
        <FilterActions label="Filter tasks" clearHref={active ? `${base}?v=${version}` : null} clearLabel="Clear" />
      </form>
    </search>
  );
}
