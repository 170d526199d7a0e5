import type { ProjectCtx } from "@/lib/auth/context";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { recentMedianLatency } from "@/lib/services/models/latency";
import { listModels } from "@/lib/services/models/read";
import { listRuns } from "@/lib/services/runs/read";
import type { ActiveRun, RunnableBenchmark, RunnableModel } from "./types";

const ALL = { page: 1, per_page: 200 };

/** The new-run form's choices: runnable project models, project benchmarks with a runnable version, and runs under way. */
export async function loadRunOptions(
  ctx: ProjectCtx,
): Promise<{ models: RunnableModel[]; benchmarks: RunnableBenchmark[]; active: ActiveRun[] }> {
  const [models, benchmarks, scheduled, running] = await Promise.all([
    listModels(ctx, { in_project: "true" }, ALL),
    listBenchmarks(ctx, { in_project: "true" }, ALL),
    listRuns(ctx, { status: "scheduled" }, ALL),
    listRuns(ctx, { status: "in_progress" }, ALL),
  ]);
  const runnable = models.items.filter((m) => m.endpoint_type !== "none");
  const recent = await recentMedianLatency(
    ctx,
    runnable.filter((m) => m.endpoint_type !== "simulated").map((m) => m.id),
  );
  return {
    models: runnable.map((m) => {
      const simulated = m.endpoint_type === "simulated" && m.simulation ? m.simulation.latencyMs.mean / 1000 : null;
      const median = recent.get(m.id);
      return {
        id: m.id,
        name: m.name,
        simulated: m.endpoint_type === "simulated",
        latency_s: simulated ?? (median ? median.median_ms / 1000 : null),
        latency_source: simulated !== null ? ("simulated" as const) : median ? ("recent" as const) : null,
        max_concurrency: m.max_concurrency,
        price_in: m.price_input_per_m,
        price_out: m.price_output_per_m,
      };
    }),
    benchmarks: benchmarks.items.flatMap((b) => {
      const latest = b.latest_version;
      return latest?.runnable ? [{ id: b.id, name: b.name, version: latest.number, task_count: latest.task_count }] : [];
    }),
    active: [...running.items, ...scheduled.items].map((r) => ({
      id: r.id,
      model_id: r.model.id,
      benchmark_id: r.benchmark.id,
      status: r.status,
      label: `${r.model.name} on ${r.benchmark.name} v${r.benchmark.version}`,
    })),
  };
}
