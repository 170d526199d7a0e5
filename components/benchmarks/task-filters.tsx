import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { controlClass, linkClass } from "@/components/ui/styles";
import { TASK_TYPE_VALUES } from "./filters";

type TaskType = (typeof TASK_TYPE_VALUES)[number];

export type TaskFilters = { q?: string; subset?: string; type?: TaskType; redacted?: "true" | "false"; page: number };

const labelClass = "mb-1 block text-sm font-medium";

/** A GET form over the tasks of the shown version; the version travels as a hidden field. */
export function TaskFiltersBar({ base, version, filters, subsets }: { base: string; version: number; filters: TaskFilters; subsets: string[] }) {
  const active = Boolean(filters.q || filters.subset || filters.type || filters.redacted);
  return (
    <search>
      <form method="get" action={base} className="grid items-end gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <input type="hidden" name="v" value={version} />
        <div className="lg:col-span-2">
          <label htmlFor="task-search" className={labelClass}>
            Search tasks
          </label>
          <input id="task-search" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className={controlClass} />
        </div>
        <div>
          <label htmlFor="task-subset" className={labelClass}>
            Subset
          </label>
          {subsets.length ? (
            <select id="task-subset" name="subset" defaultValue={filters.subset ?? ""} className={controlClass}>
              <option value="">Any</option>
              {subsets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          ) : (
            <input id="task-subset" name="subset" defaultValue={filters.subset ?? ""} maxLength={200} className={controlClass} />
          )}
        </div>
        <div>
          <label htmlFor="task-type" className={labelClass}>
            Type
          </label>
          <select id="task-type" name="type" defaultValue={filters.type ?? ""} className={controlClass}>
            <option value="">Any</option>
            {TASK_TYPE_VALUES.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="task-redacted" className={labelClass}>
            Redacted
          </label>
          <select id="task-redacted" name="redacted" defaultValue={filters.redacted ?? ""} className={controlClass}>
            <option value="">Any</option>
            <option value="true">Redacted</option>
            <option value="false">Not redacted</option>
          </select>
        </div>
        <div className="flex items-center gap-3">
          <button type="submit" className={buttonClass("secondary")}>
            Filter tasks
          </button>
          {active ? (
            <Link className={`text-sm ${linkClass}`} href={`${base}?v=${version}`}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
    </search>
  );
}
