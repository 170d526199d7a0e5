import { z } from "zod";
import { tasksToCsv, tasksToJsonl } from "@/lib/benchmarks/export";
import { download } from "@/lib/export/download";
import { projectRoute } from "@/lib/http/route";
import { getBenchmarkRow, getVersionRow } from "@/lib/services/benchmarks/access";
import { visibleVersionTasks } from "@/lib/services/benchmarks/read";
import { VersionParams } from "@/lib/validation/benchmark-params";

/** Streams a version as JSONL (lossless, re-uploadable) or CSV (formula cells escaped). */
export const GET = projectRoute(
  { can: "project.read", params: VersionParams, query: z.object({ format: z.enum(["jsonl", "csv"]).default("jsonl") }) },
  async ({ ctx, params, query }) => {
    const benchmark = await getBenchmarkRow(ctx, params.id);
    const version = await getVersionRow(ctx, params.id, params.number);
    const lines = (query.format === "csv" ? tasksToCsv : tasksToJsonl)(visibleVersionTasks(ctx, version.id));
    return download(lines, `${benchmark.key}-v${version.number}.${query.format}`, query.format);
  },
);
