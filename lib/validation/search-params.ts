import type { z } from "zod";
import { PageQuery } from "@/lib/http/pagination";

/** A page's `searchParams`: a repeated key arrives as an array. */
export type SearchParams = Record<string, string | string[] | undefined>;

/**
 * A list page's URL filters, read with the API's list query schema field by field: a bad or blank value
 * drops that one filter (the page still renders) where the API answers 400. `aliases` maps a schema
 * field to its URL name when the page's links use a shorter one (`q` for `name`).
 */
export function parseSearch<S extends z.ZodObject>(
  schema: S,
  search: SearchParams,
  aliases: Partial<Record<keyof S["shape"], string>> = {},
): Partial<z.output<S>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const raw = search[aliases[key as keyof S["shape"]] ?? key];
    if (raw === undefined || raw === "") continue;
    let parsed = field.safeParse(raw);
    if (!parsed.success && Array.isArray(raw)) parsed = field.safeParse(raw[0]);
    if (parsed.success && parsed.data !== undefined && parsed.data !== "") out[key] = parsed.data;
  }
  return out as Partial<z.output<S>>;
}

/** The page number as the API reads it; anything else is page 1. */
export function parsePage(search: SearchParams): number {
  const raw = search.page;
  return PageQuery.shape.page.safeParse(Array.isArray(raw) ? raw[0] : raw).data ?? 1;
}
