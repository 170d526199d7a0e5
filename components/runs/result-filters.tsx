import { FilterActions } from "@/components/ui/filter-actions";
import { SelectField, TextField } from "@/components/ui/field";
import { anyOf } from "@/components/ui/options";
import { linkClass } from "@/components/ui/styles";
import { hasResultFilters, type ResultFilters } from "@/lib/validation/run-results";
import { exportHref, runResultsHref } from "./links";

const OUTCOMES = [
  { value: "correct", label: "Correct" },
  { value: "incorrect", label: "Incorrect" },
  { value: "error", label: "Error" },
];
const SORTS = [
  { value: "position", label: "Task order" },
  { value: "latency", label: "Latency" },
  { value: "score", label: "Score" },
];
const ORDERS = [
  { value: "asc", label: "Ascending" },
  { value: "desc", label: "Descending" },
];
const options = (values: string[]) => anyOf(values.map((v) => ({ value: v, label: v })));

/** A GET form, so filtering works before JavaScript loads and the URL is the view's permalink. */
export function ResultFiltersBar({
  projectKey,
  runId,
  filters,
  subsets,
  scorers,
}: {
  projectKey: string;
  runId: string;
  filters: Partial<ResultFilters>;
  subsets: string[];
  scorers: string[];
}) {
  const action = runResultsHref(projectKey, runId, {});
  return (
    <div className="space-y-3 print:hidden">
      <form method="get" action={action} aria-label="Filter results" className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Search responses and task keys" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} />
        <SelectField label="Outcome" name="outcome" defaultValue={filters.outcome ?? ""} options={anyOf(OUTCOMES)} />
        {subsets.length > 0 ? (
          <SelectField label="Subset" name="subset" defaultValue={filters.subset ?? ""} options={options(subsets)} />
        ) : null}
        {scorers.length > 0 ? (
          <>
            <SelectField
              label="Scorer"
              name="scorer"
              defaultValue={filters.scorer ?? ""}
              options={options(scorers)}
              hint="Pass, min and max apply to this scorer"
            />
            <SelectField
              label="Scorer result"
              name="pass"
              defaultValue={filters.pass ?? ""}
              options={anyOf([
                { value: "true", label: "Pass" },
                { value: "false", label: "Fail" },
              ])}
            />
            <TextField label="Scorer value at least" name="min" type="number" step="any" defaultValue={filters.min ?? ""} />
            <TextField label="Scorer value at most" name="max" type="number" step="any" defaultValue={filters.max ?? ""} />
          </>
        ) : null}
        <SelectField label="Sort by" name="sort" defaultValue={filters.sort ?? "position"} options={SORTS} />
        <SelectField label="Order" name="order" defaultValue={filters.order ?? "asc"} options={ORDERS} />
        <FilterActions
          label="Apply"
          clearHref={hasResultFilters(filters) || filters.sort !== "position" || filters.order !== "asc" ? action : null}
        />
      </form>
      <p className="flex flex-wrap gap-3 text-sm">
        <span className="text-gray-700 dark:text-gray-300">Download these results:</span>
        <a className={linkClass} href={exportHref(projectKey, runId, filters, "csv")} download>
          CSV
        </a>
        <a className={linkClass} href={exportHref(projectKey, runId, filters, "json")} download>
          JSON
        </a>
        <a className={linkClass} href={exportHref(projectKey, runId, filters, "jsonl")} download>
          JSONL
        </a>
        <span className="text-gray-700 dark:text-gray-300">(JSON and JSONL include requests and raw responses)</span>
      </p>
    </div>
  );
}
