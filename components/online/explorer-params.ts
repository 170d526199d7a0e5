import { ListInteractions } from "@/lib/validation/interactions";

export const FILTER_NAMES = [
  "use_case",
  "model",
  "user",
  "label",
  "feedback_key",
  "feedback_min",
  "feedback_max",
  "has_feedback",
  "status",
  "q",
  "from",
  "to",
  "sort",
] as const;
type Search = Record<string, string | string[] | undefined>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The explorer's filters from the address: empty fields dropped, plain dates widened to whole UTC days. */
export function parseExplorerParams(search: Search) {
  const raw: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = search[name];
    const one = Array.isArray(value) ? value[0] : value;
    if (one) raw[name] = one;
  }
  const query = {
    ...raw,
    ...(raw.from && DAY.test(raw.from) ? { from: `${raw.from}T00:00:00Z` } : {}),
    ...(raw.to && DAY.test(raw.to) ? { to: `${raw.to}T23:59:59Z` } : {}),
  };
  const parsed = ListInteractions.safeParse(query);
  const page = Math.max(1, Number(search.page) || 1);
  const selected = typeof search.selected === "string" ? search.selected : undefined;
  return parsed.success
    ? { raw, filters: parsed.data, error: null, page, selected }
    : { raw, filters: ListInteractions.parse({}), error: parsed.error.issues[0]?.message ?? "Invalid filters", page, selected };
}

export function explorerHref(base: string, raw: Record<string, string>, extra: Record<string, string | number | undefined> = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...raw, ...extra })) if (v !== undefined && v !== "") params.set(k, String(v));
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}
