import { Readable } from "node:stream";
import { z } from "zod";
import { tasksToCsv, tasksToJsonl } from "@/lib/benchmarks/export";
import { projectRoute } from "@/lib/http/route";
import { getBenchmarkRow, getVersionRow } from "@/lib/services/benchmarks/access";
import { versionTasks } from "@/lib/services/benchmarks/read";
import { VersionParams } from "@/lib/validation/benchmark-params";

/** Streams a version as JSONL (lossless, re-uploadable) or CSV (formula cells escaped). */
export const GET = projectRoute(
  { role: "viewer", params: VersionParams, query: z.object({ format: z.enum(["jsonl", "csv"]).default("jsonl") }) },
  async ({ ctx, params, query }) => {
    const benchmark = await getBenchmarkRow(ctx, params.id);
    const version = await getVersionRow(ctx, params.id, params.number);
    const lines = (query.format === "csv" ? tasksToCsv : tasksToJsonl)(versionTasks(version.id));
    const bytes = (async function* () {
      for await (const line of lines) yield Buffer.from(line);
    })();
    const filename = `${benchmark.key.replaceAll("/", "_")}-v${version.number}.${query.format}`;
    return new Response(Readable.toWeb(Readable.from(bytes)) as ReadableStream, {
      headers: {
        "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${filename}"`,
      },
    });
  },
);
