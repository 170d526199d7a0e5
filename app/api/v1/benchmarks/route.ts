import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { handleUpload } from "@/lib/services/benchmarks/upload-handler";
import { ListBenchmarks } from "@/lib/validation/benchmarks";

export const GET = projectRoute({ can: "project.read", query: ListBenchmarks.extend(PageQuery.shape) }, ({ ctx, query }) =>
  listBenchmarks(ctx, query, { page: query.page, per_page: query.per_page }),
);

/**
 * Creates a benchmark from an upload: the file as the body (settings in the query: key, name,
 * dry_run, format, field_mapping, csv_mapping, purpose …) or JSON with a `source`.
 */
export const POST = projectRoute({ can: "benchmark.write" }, ({ ctx, request, requestId }) =>
  handleUpload(ctx, request, requestId, { kind: "create" }),
);
