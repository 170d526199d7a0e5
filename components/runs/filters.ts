import { first, parsePage } from "@/components/benchmarks/filters";
import { TagFilter } from "@/lib/validation/tags";
import { RUN_STATUSES, type RunStatus } from "./types";

/** The runs list's URL state, so a filtered view can be shared as a link. */
export type RunFilters = { status?: RunStatus; model_id?: string; benchmark_id?: string; tags: string[]; page: number };

type Search = Record<string, string | string[] | undefined>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: string | string[] | undefined) => {
  const s = first(v);
  return s && UUID.test(s) ? s : undefined;
};

export function parseRunFilters(search: Search): RunFilters {
  const status = first(search.status);
  return {
    status: RUN_STATUSES.find((s) => s === status),
    model_id: uuid(search.model),
    benchmark_id: uuid(search.benchmark),
    // Invalid tags (over 10, or over 64 characters) drop the tag filter rather than fail the page.
    tags: TagFilter.safeParse(search.tag).data ?? [],
    page: parsePage(search.page),
  };
}

export function runFiltersHref(base: string, f: RunFilters, change: Partial<RunFilters> = {}): string {
  const next = { ...f, page: "page" in change ? (change.page ?? 1) : 1, ...change };
  const params = new URLSearchParams();
  if (next.status) params.set("status", next.status);
  if (next.model_id) params.set("model", next.model_id);
  if (next.benchmark_id) params.set("benchmark", next.benchmark_id);
  if (next.tags.length) params.set("tag", next.tags.join(","));
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export const hasRunFilters = (f: RunFilters) => Boolean(f.status || f.model_id || f.benchmark_id || f.tags.length);
