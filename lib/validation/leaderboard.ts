import { z } from "zod";
import { TagFilter } from "./tags";

const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((v) => v || undefined);

export const LeaderboardQuery = z.object({
  category: optionalText.describe("Only benchmarks in this category"),
  company: optionalText.describe("Only models from this company"),
  type: z.enum(["public", "custom"]).optional().describe("Catalog (public) or the project's own (custom) models"),
  sort: z.string().max(64).optional().describe("name, average, cost, latency, or a benchmark id"),
  dir: z.enum(["asc", "desc"]).optional(),
  model_tag: TagFilter.describe("Only models carrying all these project tags (comma-separated)"),
  benchmark_tag: TagFilter.describe("Only benchmarks carrying all these project tags (comma-separated)"),
});

/**
 * The leaderboard pages' URL: the filter form submits "" for "Any" (which `type` would reject), and a bad
 * hand-edited value falls back to the defaults instead of failing the page.
 */
export function parseLeaderboardSearch(search: Record<string, string | string[] | undefined>) {
  const parsed = LeaderboardQuery.safeParse(Object.fromEntries(Object.entries(search).filter(([, v]) => v !== "")));
  return parsed.success ? parsed.data : LeaderboardQuery.parse({});
}

export const LeaderboardExport = LeaderboardQuery.extend({ format: z.enum(["json", "csv"]).default("json") });

export const PublishRun = z.object({ published: z.boolean() });
