/** The models list's URL state. Every filter lives in the query string so a view can be shared as a link. */
export type ModelFilters = {
  q?: string;
  type?: "public" | "custom";
  categories: string[];
  companies: string[];
  in_project?: "true";
  /** Project tags the items must all carry. */
  tags: string[];
  page: number;
};

type Search = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const list = (v: string | string[] | undefined) =>
  (Array.isArray(v) ? v : (v ?? "").split(","))
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, 20);

export function parseFilters(search: Search): ModelFilters {
  const type = first(search.type);
  const page = Number.parseInt(first(search.page) ?? "1", 10);
  return {
    q: first(search.q)?.trim().slice(0, 256) || undefined,
    type: type === "public" || type === "custom" ? type : undefined,
    categories: list(search.categories),
    companies: list(search.companies),
    in_project: first(search.in_project) === "true" ? "true" : undefined,
    tags: list(search.tag),
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

export function filtersHref(base: string, f: ModelFilters, change: Partial<ModelFilters> = {}): string {
  // Any change other than paging starts again at page 1.
  const next = { ...f, page: "page" in change ? (change.page ?? 1) : 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.type) params.set("type", next.type);
  if (next.categories.length) params.set("categories", next.categories.join(","));
  if (next.companies.length) params.set("companies", next.companies.join(","));
  if (next.in_project) params.set("in_project", next.in_project);
  if (next.tags.length) params.set("tag", next.tags.join(","));
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export function toggle(values: string[], value: string): string[] {
  return values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
}

export function hasFilters(f: ModelFilters): boolean {
  return Boolean(f.q || f.type || f.categories.length || f.companies.length || f.in_project || f.tags.length);
}
