import Link from "next/link";
import { ScopeChips } from "@/components/models/scope-chips";
import { buttonClass } from "@/components/ui/button";
import { controlClass, linkClass } from "@/components/ui/styles";
import { TASK_TYPES } from "@/lib/benchmarks/task";
import { type BenchmarkFilters, filtersHref, hasFilters } from "./filters";

const labelClass = "mb-1 block text-sm font-medium";

/** Search form and chips; plain links and a GET form, so they work before JavaScript loads. */
export function BenchmarkFiltersBar({ base, filters }: { base: string; filters: BenchmarkFilters }) {
  const href = (change: Partial<BenchmarkFilters>) => filtersHref(base, filters, change);
  return (
    <section
      aria-label="Filters"
      className="mb-6 space-y-3 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <search>
        <form method="get" action={base} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
          <div className="lg:col-span-2">
            <label htmlFor="benchmark-search" className={labelClass}>
              Search benchmarks by name
            </label>
            <input id="benchmark-search" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={128} className={controlClass} />
          </div>
          <div>
            <label htmlFor="benchmark-task-type" className={labelClass}>
              Task type
            </label>
            <select id="benchmark-task-type" name="task_type" defaultValue={filters.task_type ?? ""} className={controlClass}>
              <option value="">Any</option>
              {TASK_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="benchmark-categories" className={labelClass}>
              Categories
            </label>
            <input
              id="benchmark-categories"
              name="categories"
              defaultValue={filters.categories.join(", ")}
              placeholder="reasoning, coding"
              className={controlClass}
            />
          </div>
          <div>
            <label htmlFor="benchmark-languages" className={labelClass}>
              Languages
            </label>
            <input
              id="benchmark-languages"
              name="languages"
              defaultValue={filters.languages.join(", ")}
              placeholder="en, de"
              className={controlClass}
            />
          </div>
          <div>
            <label htmlFor="benchmark-tags" className={labelClass}>
              Tags
            </label>
            <input
              id="benchmark-tags"
              name="tag"
              defaultValue={filters.tags.join(", ")}
              placeholder="nightly, core"
              className={controlClass}
            />
          </div>
          {filters.type ? <input type="hidden" name="type" value={filters.type} /> : null}
          {filters.in_project ? <input type="hidden" name="in_project" value="true" /> : null}
          <div>
            <button type="submit" className={buttonClass("secondary")}>
              Search
            </button>
          </div>
        </form>
      </search>
      <ScopeChips noun="benchmarks" filters={filters} href={href} />
      {hasFilters(filters) ? (
        <p className="text-sm">
          <Link className={linkClass} href={base}>
            Clear all filters
          </Link>
        </p>
      ) : null}
    </section>
  );
}
