import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { assertUnregistered, getResource, insertResource, listResources, type Resource } from "./resources";
import type { RegisterBenchmark } from "./schemas";
import { assertScoringFunctions } from "./scoring-functions";

export function describeBenchmark(r: Resource) {
  return {
    identifier: r.identifier,
    provider_id: "yardstick",
    provider_resource_id: r.benchmarkId,
    type: "benchmark" as const,
    dataset_id: r.datasetId as string,
    scoring_functions: r.scoringFunctions,
    metadata: { ...r.metadata, yardstick_benchmark_id: r.benchmarkId },
  };
}

/** A Llama Stack benchmark is a registered dataset plus the scoring functions its runs use. */
export async function registerBenchmark(ctx: ProjectCtx, input: RegisterBenchmark) {
  assertScoringFunctions(input.scoring_functions, "scoring_functions");
  await assertUnregistered(ctx, "benchmark", input.benchmark_id, "benchmark_id");
  const dataset = await getResource(ctx, "dataset", input.dataset_id).catch(() => {
    throw AppError.field("dataset_id", `Dataset ${input.dataset_id} not found`, "not_found");
  });
  const resource = await insertResource(
    ctx,
    {
      kind: "benchmark",
      identifier: input.benchmark_id,
      benchmarkId: dataset.benchmarkId,
      datasetId: dataset.identifier,
      scoringFunctions: input.scoring_functions,
      metadata: input.metadata ?? {},
    },
    "benchmark_id",
    { dataset_id: dataset.identifier, scoring_functions: input.scoring_functions },
  );
  return describeBenchmark(resource);
}

export async function listBenchmarks(ctx: ProjectCtx) {
  return { data: (await listResources(ctx, "benchmark")).map(describeBenchmark) };
}

export async function getLlamaStackBenchmark(ctx: ProjectCtx, identifier: string) {
  return describeBenchmark(await getResource(ctx, "benchmark", identifier));
}
