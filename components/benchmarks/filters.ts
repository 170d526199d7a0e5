import { ListBenchmarks } from "@/lib/validation/benchmarks";
import { parsePage, parseSearch, type SearchParams } from "@/lib/validation/search-params";

/** The benchmarks list's URL state. Every filter lives in the query string so a view can be shared as a link. */
export type BenchmarkFilters = {
  q?: string;
  type?: ListBenchmarks["type"];
  task_type?: ListBenchmarks["task_type"];
  categories: string[];
  languages: string[];
  in_project?: "true";
  /** Project tags the items must all carry. */
  tags: string[];
  page: number;
};

// Parsed with GET /api/v1/benchmarks' own query schema; the page has no "not in the project" view.
export function parseFilters(search: SearchParams): BenchmarkFilters {
  const f = parseSearch(ListBenchmarks.omit({ key: true }), search, { name: "q" });
  return {
    q: f.name,
    type: f.type,
    task_type: f.task_type,
    categories: f.categories ?? [],
    languages: f.languages ?? [],
    in_project: f.in_project === "true" ? "true" : undefined,
    tags: f.tag ?? [],
    page: parsePage(search),
  };
}

export function filtersHref(base: string, f: BenchmarkFilters, change: Partial<BenchmarkFilters> = {}): string {
  // Any change other than paging starts again at page 1.
  const next = { ...f, page: "page" in change ? (change.page ?? 1) : 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.type) params.set("type", next.type);
  if (next.task_type) params.set("task_type", next.task_type);
  if (next.categories.length) params.set("categories", next.categories.join(","));
  if (next.languages.length) params.set("languages", next.languages.join(","));
  if (next.in_project) params.set("in_project", next.in_project);
  if (next.tags.length) params.set("tag", next.tags.join(","));
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export function hasFilters(f: BenchmarkFilters): boolean {
  return Boolean(f.q || f.type || f.task_type || f.categories.length || f.languages.length || f.in_project || f.tags.length);
}
