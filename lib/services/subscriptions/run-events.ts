import { eq } from "drizzle-orm";
import { db } from "@/db";
import { benchmarks, models, projects, runs } from "@/db/schema";
import { metricValue } from "@/lib/automation/alert-metrics";
import { enqueueDeliveries } from "@/lib/jobs/automation-queue";
import { publishEvent } from "./publish";

/** A completed or failed run, told once to the subscribers of its project, model or benchmark. */
export async function publishRunEvent(runId: string): Promise<void> {
  const [row] = await db
    .select({ run: runs, project: projects.key, model: models.name, benchmark: benchmarks.name })
    .from(runs)
    .innerJoin(projects, eq(projects.id, runs.projectId))
    .innerJoin(models, eq(models.id, runs.modelId))
    .innerJoin(benchmarks, eq(benchmarks.id, runs.benchmarkId))
    .where(eq(runs.id, runId));
  if (!row || (row.run.status !== "completed" && row.run.status !== "failed")) return;
  const { run } = row;
  const type = run.status === "completed" ? "run.completed" : "run.failed";
  const primary = metricValue(run, "score");
  const ids = await db.transaction((tx) =>
    publishEvent(tx, {
      projectId: run.projectId,
      type,
      key: `${type}:${run.id}`,
      title: `${row.model} on ${row.benchmark}: run ${run.status}${primary ? ` (score ${primary.value.toFixed(3)})` : ""}`,
      link: `/${row.project}/runs/${run.id}`,
      data: {
        run: { id: run.id, status: run.status, origin: run.origin, schedule_id: run.scheduleId, error: run.error },
        model: { id: run.modelId, name: row.model },
        benchmark: { id: run.benchmarkId, name: row.benchmark },
        score: primary,
        cost: run.cost,
        finished_at: run.finishedAt?.toISOString() ?? null,
      },
      modelId: run.modelId,
      benchmarkId: run.benchmarkId,
    }),
  );
  await enqueueDeliveries(ids);
}
