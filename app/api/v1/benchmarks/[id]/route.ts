import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getBenchmark } from "@/lib/services/benchmarks/read";

export const GET = projectRoute({ role: "viewer", params: z.object({ id: z.uuid("id must be a benchmark id") }) }, ({ ctx, params }) => getBenchmark(ctx, params.id));
