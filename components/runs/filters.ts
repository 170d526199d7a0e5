import { ListRuns } from "@/lib/validation/runs";
import { parsePage, parseSearch, type SearchParams } from "@/lib/validation/search-params";

/** The runs list's URL state, so a filtered view can be shared as a link. */
export type RunFilters = Pick<ListRuns, "status" | "model_id" | "benchmark_id"> & { tags: string[]; page: number };

const UrlFilters = ListRuns.pick({ status: true, model_id: true, benchmark_id: true, tag: true });

// Read with GET /api/v1/runs' own query schema; the page's links say model= and benchmark=.
// Invalid tags (over 10, or over 64 characters) drop the tag filter rather than fail the page.
export function parseRunFilters(search: SearchParams): RunFilters {
  const { tag, ...rest } = parseSearch(UrlFilters, search, { model_id: "model", benchmark_id: "benchmark" });
  return { ...rest, tags: tag ?? [], page: parsePage(search) };
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
