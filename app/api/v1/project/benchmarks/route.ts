import { projectRoute } from "@/lib/http/route";
import { addBenchmarksToProject, removeBenchmarksFromProject } from "@/lib/services/benchmarks/project-list";
import { BenchmarkIds } from "@/lib/validation/benchmarks";

export const POST = projectRoute({ can: "benchmark.write", body: BenchmarkIds }, async ({ ctx, body }) => {
  await addBenchmarksToProject(ctx, body.benchmark_ids);
  return { added: body.benchmark_ids };
});

export const DELETE = projectRoute({ can: "benchmark.write", body: BenchmarkIds }, async ({ ctx, body }) => {
  await removeBenchmarksFromProject(ctx, body.benchmark_ids);
  return { removed: body.benchmark_ids };
});
