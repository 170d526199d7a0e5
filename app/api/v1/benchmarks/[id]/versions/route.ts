import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getBenchmark } from "@/lib/services/benchmarks/read";
import { handleUpload } from "@/lib/services/benchmarks/upload-handler";

const Params = z.object({ id: z.uuid("id must be a benchmark id") });

export const GET = projectRoute({ can: "project.read", params: Params }, async ({ ctx, params }) => ({
  items: (await getBenchmark(ctx, params.id)).versions,
}));

/** Uploads a new version; identical content returns the existing version with 200 instead of 201. */
export const POST = projectRoute({ can: "benchmark.write", params: Params }, ({ ctx, params, request, requestId }) =>
  handleUpload(ctx, request, requestId, { kind: "version", benchmarkId: params.id }),
);
