import { and, desc, eq, lt } from "drizzle-orm";
import { db } from "@/db";
import { runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { NO_SUBSET } from "@/lib/scoring/statistics/per-subset";
import { type ComparedRun, loadComparedRuns, loadTaskKeys, loadTaskScores, type TaskScore } from "./compare-load";
import { type PairedTask, pairTasks, summarizePairs } from "./compare-pairs";
import { type CompareFilters, type CompareQuery, FLIPPED } from "./compare-query";

/** Every run paired with the baseline (the first run), keeping the paired tasks for listing and export. */
export async function pairAll(ctx: ProjectCtx, ids: readonly string[], vs: string | undefined) {
  const compared = await loadComparedRuns(ctx, ids);
  const [baseline, ...others] = compared as [ComparedRun, ...ComparedRun[]];
  const vsId = vs ?? others[0]?.id;
  if (!others.some((r) => r.id === vsId))
    throw AppError.field("vs", "vs must be one of the compared runs other than the first (the baseline)");
  const scores = await Promise.all(compared.map((r) => loadTaskScores(r.id)));
  const [base, ...rest] = scores as [Map<number, TaskScore>, ...Map<number, TaskScore>[]];
  const pairings = others.map((run, i) => {
    const paired = pairTasks(base, rest[i] as Map<number, TaskScore>);
    return { run, ...paired, summary: summarizePairs(paired.tasks, paired.kind, { a: baseline.label, b: run.label }) };
  });
  const selected = pairings.find((p) => p.run.id === vsId) as (typeof pairings)[number];
  return { compared, baseline, scores, pairings, selected };
}

/** The paired tasks a filter keeps; a null subset is matched by NO_SUBSET, as in the subset table. */
export function filterTasks(tasks: readonly PairedTask[], f: Pick<CompareFilters, "filter" | "subset">): PairedTask[] {
  return tasks.filter(
    (t) =>
      (f.filter === "all" || (f.filter === "flipped" ? FLIPPED.includes(t.outcome) : t.outcome === f.filter)) &&
      (f.subset === undefined || (t.subset ?? NO_SUBSET) === f.subset),
  );
}

/**
 * Compares runs of one benchmark version: each run against the first (the baseline) — agreement,
 * paired difference with a 95% interval, McNemar or paired t, per-subset deltas — plus one page of the
 * tasks of the pairing `vs` (the second run by default) that match the filter.
 */
export async function compareRuns(ctx: ProjectCtx, q: CompareQuery) {
  const { compared, baseline, pairings, selected } = await pairAll(ctx, q.runs, q.vs);
  const matching = filterTasks(selected.tasks, q);
  const start = (q.page - 1) * q.per_page;
  const page = matching.slice(start, start + q.per_page);
  const keys = await loadTaskKeys(
    baseline.id,
    page.map((t) => t.position),
  );
  return {
    baseline_id: baseline.id,
    runs: compared,
    comparisons: pairings.map((p) => ({ run_id: p.run.id, unpaired: p.unpaired, ...p.summary })),
    tasks: {
      vs: selected.run.id,
      filter: q.filter,
      subset: q.subset ?? null,
      subsets: [...new Set(selected.tasks.map((t) => t.subset ?? NO_SUBSET))].sort(),
      items: page.map((t) => ({
        position: t.position,
        task_key: keys.get(t.position) ?? null,
        subset: t.subset,
        outcome: t.outcome,
        a: { score: t.a.score, passed: t.a.passed },
        b: { score: t.b.score, passed: t.b.passed },
      })),
      count: matching.length,
      page: q.page,
      per_page: q.per_page,
    },
  };
}

export type Comparison = Awaited<ReturnType<typeof compareRuns>>;

/** The latest completed run before this one of the same model on the same benchmark version, for a regression view. */
export async function previousRun(ctx: ProjectCtx, runId: string): Promise<{ id: string; created_at: string } | null> {
  const [run] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.id, runId), eq(runs.projectId, ctx.project.id)));
  if (!run) throw new AppError("not_found", "Run not found");
  const previous = await previousCompletedRun(run);
  return previous ? { id: previous.id, created_at: previous.createdAt.toISOString() } : null;
}

type PairOf = Pick<typeof runs.$inferSelect, "projectId" | "modelId" | "benchmarkId" | "versionId" | "createdAt">;

/** The pair's (model, benchmark version) latest completed run created before `run`, in the same project. */
export async function previousCompletedRun(run: PairOf) {
  const [previous] = await db
    .select()
    .from(runs)
    .where(
      and(
        eq(runs.projectId, run.projectId),
        eq(runs.modelId, run.modelId),
        eq(runs.benchmarkId, run.benchmarkId),
        eq(runs.versionId, run.versionId),
        eq(runs.status, "completed"),
        lt(runs.createdAt, run.createdAt),
      ),
    )
    .orderBy(desc(runs.createdAt))
    .limit(1);
  return previous ?? null;
}
