import type { z } from "zod";
import type { ProjectCtx } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { zodFieldErrors } from "@/lib/http/problem";
import { progressResponse } from "@/lib/http/progress-stream";
import { maxUploadBytes, uploadSource } from "@/lib/http/upload";
import { BenchmarkFields, CreateBenchmarkQuery, ImportSettings } from "@/lib/validation/benchmarks";
import { appendRows } from "./derive";
import { importBenchmark } from "./import";

type Target = { kind: "create" } | { kind: "version"; benchmarkId: string } | { kind: "append"; benchmarkId: string; number: number };

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError("bad_request", "Invalid upload settings", zodFieldErrors(result.error));
  return result.data;
}

/** Shared by the create, new-version and append routes: settings from the query or JSON body, rows streamed. */
export async function handleUpload(ctx: ProjectCtx, request: Request, requestId: string, target: Target) {
  const url = new URL(request.url);
  const { source, fields } = await uploadSource(request);
  const merged = { ...Object.fromEntries(url.searchParams), ...fields };
  const settings = parse(ImportSettings, merged);
  const run = (onProgress?: (p: { phase: string; rows: number }) => void) => {
    const options = { onProgress, maxBytes: maxUploadBytes() };
    if (target.kind === "append") return appendRows(ctx, target.benchmarkId, target.number, source, settings, options.maxBytes);
    if (target.kind === "version") return importBenchmark(ctx, { benchmarkId: target.benchmarkId }, source, settings, options);
    const query = parse(CreateBenchmarkQuery, merged);
    const create = parse(BenchmarkFields, { ...query, name: query.name ?? query.key });
    return importBenchmark(ctx, { create }, source, settings, options);
  };
  if ((request.headers.get("accept") ?? "").includes("application/x-ndjson")) {
    return progressResponse(url.pathname, requestId, (emit) => run((p) => emit({ progress: p })));
  }
  const result = await run();
  return new Response(JSON.stringify(result), { status: result.created ? 201 : 200, headers: { "content-type": "application/json" } });
}
