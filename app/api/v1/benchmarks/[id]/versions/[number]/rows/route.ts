import { z } from "zod";
import { MAX_INT } from "@/lib/validation/int";
import { projectRoute } from "@/lib/http/route";
import { iterateRows } from "@/lib/services/benchmarks/read";
import { handleUpload } from "@/lib/services/benchmarks/upload-handler";
import { VersionParams } from "@/lib/validation/benchmark-params";

const Query = z.object({
  start_index: z.coerce.number().int().min(0).max(MAX_INT).default(0),
  limit: z.coerce.number().int().min(1).max(1000, "limit is at most 1000").default(100),
});

export const GET = projectRoute({ can: "project.read", params: VersionParams, query: Query }, ({ ctx, params, query }) =>
  iterateRows(ctx, params.id, params.number, query.start_index, query.limit),
);

/** Appends rows (a file, or JSON `{rows}`); the result is a new version. */
export const POST = projectRoute({ can: "benchmark.write", params: VersionParams }, ({ ctx, params, request, requestId }) =>
  handleUpload(ctx, request, requestId, { kind: "append", benchmarkId: params.id, number: params.number }),
);
