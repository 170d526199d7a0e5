/** The benchmarks list's URL state. Every filter lives in the query string so a view can be shared as a link. */
export const TASK_TYPE_VALUES = ["MCQ", "FRQ", "bool", "json", "qa"] as const;
type TaskType = (typeof TASK_TYPE_VALUES)[number];

export type BenchmarkFilters = {
  q?: string;
  type?: "public" | "custom";
  task_type?: TaskType;
  categories: string[];
  languages: string[];
  in_project?: "true";
  /** Project tags the items must all carry. */
  tags: string[];
  page: number;
};

type Search = Record<string, string | string[] | undefined>;

export const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : (v ?? "").split(","))
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20)
    .map((s) => s.slice(0, 40));

export function parsePage(v: string | string[] | undefined): number {
  const page = Number.parseInt(first(v) ?? "1", 10);
  return Number.isFinite(page) && page > 0 ? page : 1;
}

export function parseFilters(search: Search): BenchmarkFilters {
  const type = first(search.type);
  const taskType = first(search.task_type);
  return {
    q: first(search.q)?.trim().slice(0, 128) || undefined,
    type: type === "public" || type === "custom" ? type : undefined,
    task_type: TASK_TYPE_VALUES.find((t) => t === taskType),
    categories: list(search.categories),
    languages: list(search.languages),
    in_project: first(search.in_project) === "true" ? "true" : undefined,
    tags: list(search.tag),
    page: parsePage(search.page),
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
