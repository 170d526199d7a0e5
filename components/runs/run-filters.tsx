import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass, linkClass } from "@/components/ui/styles";
import { STATUS_LABELS } from "./format";
import { hasRunFilters, type RunFilters } from "./filters";
import { RUN_STATUSES } from "./types";

type Option = { id: string; name: string };
const labelClass = "mb-1 block text-sm font-medium";

/** A GET form, so filtering works before JavaScript loads and every view is a link. */
export function RunFiltersBar({ base, filters, models, benchmarks }: { base: string; filters: RunFilters; models: Option[]; benchmarks: Option[] }) {
  return (
    <section aria-label="Filters" className="mb-6 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900">
      <form method="get" action={base} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="run-status" className={labelClass}>
            Status
          </label>
          <select id="run-status" name="status" defaultValue={filters.status ?? ""} className={controlClass}>
            <option value="">Any</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="run-model" className={labelClass}>
            Model
          </label>
          <select id="run-model" name="model" defaultValue={filters.model_id ?? ""} className={controlClass}>
            <option value="">Any</option>
            {models.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="run-benchmark" className={labelClass}>
            Benchmark
          </label>
          <select id="run-benchmark" name="benchmark" defaultValue={filters.benchmark_id ?? ""} className={controlClass}>
            <option value="">Any</option>
            {benchmarks.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass("secondary")}>
            Filter
          </button>
          {hasRunFilters(filters) ? (
            <Link className={`${linkClass} text-sm`} href={base}>
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>
    </section>
  );
}
