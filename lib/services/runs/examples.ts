import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { getRunRow } from "./read";

const columns = {
  position: runResults.position,
  sample: runResults.sample,
  subset: runResults.subset,
  responseText: runResults.responseText,
  passed: runResults.passed,
  score: runResults.score,
};
export type Example = { position: number; sample: number; subset: string | null; response_text: string | null; passed: boolean | null; score: number | null };

/**
 * Equistamp's top and worst examples: answered results with the highest and lowest primary score. Each
 * side reads `limit` rows; ties go by task order in the sort's direction, so an index on
 * (run_id, score, position, sample) serves both ends.
 */
export async function bestAndWorst(ctx: ProjectCtx, runId: string, limit = 3): Promise<{ best: Example[]; worst: Example[] }> {
  const { run } = await getRunRow(ctx, runId);
  const where = and(eq(runResults.runId, run.id), isNotNull(runResults.score), eq(runResults.status, "ok"));
  const pick = (descending: boolean) => {
    const dir = descending ? desc : asc;
    return db
      .select(columns)
      .from(runResults)
      .where(where)
      .orderBy(dir(runResults.score), dir(runResults.position), dir(runResults.sample))
      .limit(limit);
  };
  const [best, worst] = await Promise.all([pick(true), pick(false)]);
  const shape = ({ responseText, ...r }: (typeof best)[number]): Example => ({ ...r, response_text: responseText });
  // On a run where every answer scored the same, the two lists would be the same results.
  const distinct = best[0]?.score !== worst[0]?.score;
  return { best: distinct ? best.map(shape) : [], worst: distinct ? worst.map(shape) : [] };
}

// As stored in runs.summary; a subset's value is null when none of its results could be scored.
type BySubset<A extends { value: number | null }> = { subset: string; aggregate: A }[];

/** The subsets with the lowest score, read from the stored summary (no result is scanned). */
export function hardestSubsets<A extends { value: number | null }>(bySubset: BySubset<A> | undefined, limit = 5): BySubset<A> {
  const scored = (bySubset ?? []).filter((s) => s.aggregate.value !== null && Number.isFinite(s.aggregate.value));
  if (scored.length < 2) return [];
  return [...scored].sort((a, b) => (a.aggregate.value as number) - (b.aggregate.value as number) || a.subset.localeCompare(b.subset)).slice(0, limit);
}
