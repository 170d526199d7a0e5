import { and, eq, or } from "drizzle-orm";
import { db } from "@/db";
import { runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ExampleKey } from "@/lib/jobs/summarize";
import { getRunRow } from "./read";

const columns = {
  position: runResults.position,
  sample: runResults.sample,
  subset: runResults.subset,
  responseText: runResults.responseText,
  passed: runResults.passed,
  score: runResults.score,
};
export type Example = {
  position: number;
  sample: number;
  subset: string | null;
  response_text: string | null;
  passed: boolean | null;
  score: number | null;
};

/**
 * Equistamp's top and worst examples, chosen when the run completed (lib/jobs/summarize.ts): six rows
 * fetched by key, whatever the run's size.
 */
export async function bestAndWorst(ctx: ProjectCtx, runId: string): Promise<{ best: Example[]; worst: Example[] }> {
  const { run } = await getRunRow(ctx, runId);
  // Summaries written before examples were chosen have none.
  const chosen = run.summary?.examples ?? { best: [], worst: [] };
  const keys = [...chosen.best, ...chosen.worst];
  if (keys.length === 0) return { best: [], worst: [] };
  const rows = await db
    .select(columns)
    .from(runResults)
    .where(
      and(eq(runResults.runId, run.id), or(...keys.map((k) => and(eq(runResults.position, k.position), eq(runResults.sample, k.sample))))),
    );
  const found = new Map(rows.map(({ responseText, ...r }) => [`${r.position}:${r.sample}`, { ...r, response_text: responseText }]));
  const pick = (list: ExampleKey[]) => list.flatMap((k) => found.get(`${k.position}:${k.sample}`) ?? []);
  return { best: pick(chosen.best), worst: pick(chosen.worst) };
}

// As stored in runs.summary; a subset's value is null when none of its results could be scored.
type BySubset<A extends { value: number | null }> = { subset: string; aggregate: A }[];

/** The subsets with the lowest score, read from the stored summary (no result is scanned). */
export function hardestSubsets<A extends { value: number | null }>(bySubset: BySubset<A> | undefined, limit = 5): BySubset<A> {
  const scored = (bySubset ?? []).filter((s) => s.aggregate.value !== null && Number.isFinite(s.aggregate.value));
  if (scored.length < 2) return [];
  return [...scored]
    .sort((a, b) => (a.aggregate.value as number) - (b.aggregate.value as number) || a.subset.localeCompare(b.subset))
    .slice(0, limit);
}
