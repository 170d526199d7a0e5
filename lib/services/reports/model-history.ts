import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { Interval } from "@/lib/scoring/statistics";

type Overall = { n: number; value: number | null; ci: Interval | null } | null;
export type HistoryPoint = { run_id: string; finished_at: string; value: number; ci: Interval | null; n: number };
export type BenchmarkHistory = { benchmark: { id: string; name: string }; points: HistoryPoint[] };

/** Every completed run of one model in the project, per benchmark and in time order (the last `perBenchmark`). */
export async function modelHistory(ctx: ProjectCtx, modelId: string, perBenchmark = 50): Promise<BenchmarkHistory[]> {
  const rows = await db
    .select({
      runId: runs.id,
      benchmarkId: runs.benchmarkId,
      benchmarkName: benchmarks.name,
      finishedAt: runs.finishedAt,
      overall: sql<Overall>`coalesce(${runs.summary}->'primary'->'overall', ${runs.summary}->'scorers'->(${runs.summary}->>'primary_scorer')->'overall')`,
    })
    .from(runs)
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .where(and(eq(runs.projectId, ctx.project.id), eq(runs.modelId, modelId), eq(runs.status, "completed")))
    .orderBy(asc(benchmarks.name), asc(runs.finishedAt));
  const byBenchmark = new Map<string, BenchmarkHistory>();
  for (const r of rows) {
    if (r.overall?.value == null || !r.finishedAt) continue;
    const entry = byBenchmark.get(r.benchmarkId) ?? { benchmark: { id: r.benchmarkId, name: r.benchmarkName }, points: [] };
    entry.points.push({
      run_id: r.runId,
      finished_at: r.finishedAt.toISOString(),
      value: r.overall.value,
      ci: r.overall.ci,
      n: r.overall.n,
    });
    byBenchmark.set(r.benchmarkId, entry);
  }
  return [...byBenchmark.values()].map((h) => ({ ...h, points: h.points.slice(-perBenchmark) }));
}
