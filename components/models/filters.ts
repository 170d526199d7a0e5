import { ListModels } from "@/lib/validation/models";
import { parsePage, parseSearch, type SearchParams } from "@/lib/validation/search-params";

/** The models list's URL state. Every filter lives in the query string so a view can be shared as a link. */
export type ModelFilters = {
  q?: string;
  type?: ListModels["type"];
  categories: string[];
  companies: string[];
  in_project?: "true";
  /** Project tags the items must all carry. */
  tags: string[];
  page: number;
};

// Parsed with GET /api/v1/models' own query schema; the page has no "not in the project" view.
export function parseFilters(search: SearchParams): ModelFilters {
  const f = parseSearch(
    ListModels.pick({ name: true, type: true, categories: true, companies: true, in_project: true, tag: true }),
    search,
    {
      name: "q",
    },
  );
  return {
    q: f.name,
    type: f.type,
    categories: f.categories ?? [],
    companies: f.companies ?? [],
    in_project: f.in_project === "true" ? "true" : undefined,
    tags: f.tag ?? [],
    page: parsePage(search),
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
