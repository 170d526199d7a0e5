import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getBenchmark } from "@/lib/services/benchmarks/read";
import { updateBenchmark } from "@/lib/services/benchmarks/update";
import { UpdateBenchmark } from "@/lib/validation/benchmarks";

const Params = z.object({ id: z.uuid("id must be a benchmark id") });

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getBenchmark(ctx, params.id));

/** Name, description, categories, languages and run defaults (templates, system prompt, scorers, metrics, minimum tasks). */
export const PATCH = projectRoute({ can: "benchmark.write", params: Params, body: UpdateBenchmark }, ({ ctx, params, body }) =>
  updateBenchmark(ctx, params.id, body),
);
