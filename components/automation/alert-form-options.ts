import type { ProjectCtx } from "@/lib/auth/context";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { listUseCases } from "@/lib/services/use-cases/read";

const named = (items: { id: string; name: string }[]) => items.map((i) => ({ id: i.id, name: i.name }));

/** The models, benchmarks and use cases an alert's triggers can be narrowed to (the new and edit pages). */
export async function alertFormOptions(ctx: ProjectCtx) {
  const all = { page: 1, per_page: 200 };
  const [models, benchmarks, useCases] = await Promise.all([
    listModels(ctx, { in_project: "true" }, all),
    listBenchmarks(ctx, { in_project: "true" }, all),
    listUseCases(ctx, all),
  ]);
  return { models: named(models.items), benchmarks: named(benchmarks.items), useCases: named(useCases.items) };
}
