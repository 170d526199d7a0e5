import { buttonClass } from "@/components/ui/button";
import { controlClass, linkClass } from "@/components/ui/styles";
import Link from "next/link";
import { ChipGroup } from "./chips";
import { ScopeChips } from "./scope-chips";
import { filtersHref, hasFilters, type ModelFilters, toggle } from "./filters";

/** Search box and filter chips; plain links and a GET form, so they work before JavaScript loads. */
export function ModelFiltersBar({
  base,
  filters,
  facets,
}: {
  base: string;
  filters: ModelFilters;
  facets: { categories: string[]; companies: string[] };
}) {
  const href = (change: Partial<ModelFilters>) => filtersHref(base, filters, change);
  return (
    <section
      aria-label="Filters"
      className="mb-6 space-y-3 rounded-lg border border-gray-200 bg-white p-4 dark:border-gray-800 dark:bg-gray-900"
    >
      <search>
        <form method="get" action={base} className="flex flex-wrap items-end gap-2">
          <div className="min-w-48 flex-1">
            <label htmlFor="model-search" className="mb-1 block text-sm font-medium">
              Search models by name
            </label>
            <input id="model-search" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={256} className={controlClass} />
          </div>
          <div className="min-w-32">
            <label htmlFor="model-tags" className="mb-1 block text-sm font-medium">
              Tags
            </label>
            <input id="model-tags" name="tag" defaultValue={filters.tags.join(", ")} placeholder="frontier" className={controlClass} />
          </div>
          {filters.type ? <input type="hidden" name="type" value={filters.type} /> : null}
          {filters.categories.length ? <input type="hidden" name="categories" value={filters.categories.join(",")} /> : null}
          {filters.companies.length ? <input type="hidden" name="companies" value={filters.companies.join(",")} /> : null}
          {filters.in_project ? <input type="hidden" name="in_project" value="true" /> : null}
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
        </form>
      </search>
      <ScopeChips noun="models" filters={filters} href={href} />
      <ChipGroup
        label="Category"
        chips={facets.categories.map((c) => ({
          label: c,
          href: href({ categories: toggle(filters.categories, c) }),
          active: filters.categories.includes(c),
        }))}
      />
      <ChipGroup
        label="Company"
        chips={facets.companies.map((c) => ({
          label: c,
          href: href({ companies: toggle(filters.companies, c) }),
          active: filters.companies.includes(c),
        }))}
      />
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
