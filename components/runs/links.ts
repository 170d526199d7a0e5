import type { z } from "zod";
import { ListResultsQuery, type ResultFilters, resultFilterParams } from "@/lib/validation/run-results";

type Search = Record<string, string | string[] | undefined>;
export type ResultQuery = z.infer<typeof ListResultsQuery>;

// The query string of a view: non-default filters, then the page, in a fixed order.
function viewParams(filters: Partial<ResultFilters>, page: number): URLSearchParams {
  const params = resultFilterParams(filters);
  if (page > 1) params.set("page", String(page));
  return params;
}

/**
 * The report page's URL state. An invalid link still shows the report: the result list falls back to
 * its defaults and the page says which parameter was wrong. `canonical` is false when the address has
 * blank or default parameters (a submitted GET form sends every field), so the page can redirect to
 * the short permalink.
 */
export function parseResultSearch(search: Search, perPage: number): { query: ResultQuery; errors: string[]; canonical: boolean } {
  const flat = Object.fromEntries(Object.entries(search).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const parsed = ListResultsQuery.safeParse({ ...flat, per_page: perPage });
  if (!parsed.success)
    return { query: ListResultsQuery.parse({ per_page: perPage }), errors: parsed.error.issues.map((i) => i.message), canonical: true };
  const given = Object.entries(flat).filter((e): e is [string, string] => e[1] !== undefined);
  const canonical = new URLSearchParams(given).toString() === viewParams(parsed.data, parsed.data.page).toString();
  return { query: parsed.data, errors: [], canonical };
}

/** Every report view is a plain URL (filters in the query string), so a link reproduces what was on screen. */
export const runHref = (projectKey: string, runId: string) => `/${projectKey}/runs/${runId}`;

export function runResultsHref(projectKey: string, runId: string, filters: Partial<ResultFilters>, page = 1): string {
  const query = viewParams(filters, page).toString();
  // The anchor brings the reader back to the table rather than the top of the report.
  return `${runHref(projectKey, runId)}${query ? `?${query}` : ""}#results`;
}

export const resultHref = (projectKey: string, runId: string, key: { position: number; sample: number }) =>
  `${runHref(projectKey, runId)}/tasks/${key.position}${key.sample > 0 ? `?sample=${key.sample}` : ""}`;

export function exportHref(projectKey: string, runId: string, filters: Partial<ResultFilters>, format: "csv" | "jsonl" | "json"): string {
  const params = resultFilterParams({ ...filters, sort: undefined, order: undefined });
  params.set("format", format);
  params.set("project", projectKey);
  return `/api/v1/runs/${runId}/export?${params}`;
}
