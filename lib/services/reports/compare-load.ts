import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, benchmarkVersions, models, runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { serializeRun } from "@/lib/services/runs/read";

const minute = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ");

export type ComparedRun = ReturnType<typeof serializeRun> & { label: string; version_id: string; benchmark_key: string };

/**
 * The runs in the order given (the first is the baseline), each in the caller's project, all on one
 * benchmark version: a run elsewhere is "not found", a mix of versions is the caller's mistake (400).
 */
export async function loadComparedRuns(ctx: ProjectCtx, ids: readonly string[]): Promise<ComparedRun[]> {
  const rows = await db
    .select({
      run: runs,
      model: models.name,
      endpointType: models.endpointType,
      benchmark: benchmarks.name,
      benchmarkKey: benchmarks.key,
      version: benchmarkVersions.number,
    })
    .from(runs)
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .innerJoin(benchmarkVersions, eq(benchmarkVersions.id, runs.versionId))
    .where(and(inArray(runs.id, [...ids]), eq(runs.projectId, ctx.project.id)));
  const byId = new Map(rows.map((r) => [r.run.id, r]));
  const ordered = ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new AppError("not_found", `Run ${id} not found`);
    return row;
  });
  const [base] = ordered;
  const odd = ordered.find((r) => r.run.versionId !== base?.run.versionId);
  if (base && odd) {
    const named = (r: typeof base) => `${r.model} on ${r.benchmark} v${r.version} (${minute(r.run.createdAt)} UTC)`;
    throw AppError.field("runs", `Runs compare only on the same benchmark version: ${named(base)} and ${named(odd)} differ`);
  }
  // The model name says who is who, unless one model appears twice (a regression): then the date does.
  const repeated = (modelId: string) => ordered.filter((r) => r.run.modelId === modelId).length > 1;
  return ordered.map((r) => ({
    ...serializeRun(r.run, r),
    label: repeated(r.run.modelId) ? `${r.model} (${minute(r.run.createdAt)})` : r.model,
    version_id: r.run.versionId,
    benchmark_key: r.benchmarkKey,
  }));
}

/** One task's outcome in one run, over its scored samples. */
export type TaskScore = { position: number; subset: string | null; score: number; passed: boolean | null };

/**
 * Per-task primary scores from the `score`/`passed` columns (never the jsonb). With several samples a
 * task's score is their mean and it passes when a strict majority of samples pass (a tie fails);
 * `passed` is null unless every sample was judged pass/fail. Errored samples carry no score and drop out.
 * Samples are folded here rather than with GROUP BY: at one sample per task that is a plain index scan.
 */
export async function loadTaskScores(runId: string): Promise<Map<number, TaskScore>> {
  const rows = await db
    .select({ position: runResults.position, subset: runResults.subset, score: runResults.score, passed: runResults.passed })
    .from(runResults)
    .where(and(eq(runResults.runId, runId), eq(runResults.status, "ok"), isNotNull(runResults.score)));
  const tasks = new Map<number, TaskScore & { samples: number; passes: number; judged: number }>();
  for (const r of rows) {
    const t = tasks.get(r.position) ?? { position: r.position, subset: r.subset, score: 0, passed: null, samples: 0, passes: 0, judged: 0 };
    t.score += r.score ?? 0;
    t.samples += 1;
    if (r.passed !== null) t.judged += 1;
    if (r.passed) t.passes += 1;
    tasks.set(r.position, t);
  }
  return new Map(
    [...tasks].map(([position, t]) => [
      position,
      { position, subset: t.subset, score: t.score / t.samples, passed: t.judged === t.samples ? t.passes * 2 > t.samples : null },
    ]),
  );
}

/** Task keys for a few positions (a page of tasks), read by the (run, position, sample) index. */
export async function loadTaskKeys(runId: string, positions: readonly number[]): Promise<Map<number, string>> {
  if (positions.length === 0) return new Map();
  const rows = await db
    .select({ position: runResults.position, taskKey: runResults.taskKey })
    .from(runResults)
    .where(and(eq(runResults.runId, runId), inArray(runResults.position, [...positions]), eq(runResults.sample, 0)));
  return new Map(rows.map((r) => [r.position, r.taskKey]));
}
