import { readFileSync } from "node:fs";
import path from "node:path";
import { SingleBar } from "cli-progress";
import type { Api } from "../api";
import { CliError, unwrap } from "../api";
import type { paths } from "../api-types";
import { printJson } from "../output";
import { benchmarkId } from "./resolve";

type Settings = NonNullable<paths["/api/v1/benchmarks"]["post"]["parameters"]["query"]>;

export type UploadOptions = {
  key?: string;
  name?: string;
  benchmark?: string;
  dryRun: boolean;
  format?: Settings["format"];
  purpose?: Settings["purpose"];
  fieldMapping?: string;
  csvMapping?: string;
  json: boolean;
};

type Line = {
  progress?: { phase: string; rows: number };
  result?: Record<string, unknown>;
  error?: { detail?: string; errors?: { path: string; message: string }[] };
};

/** Reads the NDJSON progress stream: a bar of rows read, then the import's result or its problem. */
async function readProgress(body: ReadableStream<Uint8Array>, total: number, show: boolean) {
  const bar = show ? new SingleBar({ format: "{bar} {value}/{total} rows · {phase}", stream: process.stderr }) : null;
  bar?.start(total, 0, { phase: "reading" });
  const decoder = new TextDecoder();
  let buffered = "";
  let last: Line = {};
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines.filter(Boolean)) {
      last = JSON.parse(line) as Line;
      if (last.progress) bar?.update(Math.min(last.progress.rows, total), { phase: last.progress.phase });
    }
  }
  if (buffered.trim()) last = JSON.parse(buffered) as Line;
  bar?.update(total, { phase: "done" });
  bar?.stop();
  if (last.error)
    throw new CliError(
      `Upload failed: ${last.error.detail ?? "unknown error"}${(last.error.errors ?? []).map((e) => `\n  ${e.path}: ${e.message}`).join("")}`,
    );
  if (!last.result) throw new CliError("The upload ended without a result");
  return last.result;
}

/** Uploads a JSONL, JSON or CSV file (optionally gzipped) as a new benchmark, or as a new version with --benchmark. */
export async function uploadBenchmark(api: Api, file: string, o: UploadOptions): Promise<number> {
  const bytes = readFileSync(file);
  const query: Settings = {
    key: o.key,
    name: o.name,
    dry_run: o.dryRun,
    filename: path.basename(file),
    ...(o.format ? { format: o.format } : {}),
    ...(o.purpose ? { purpose: o.purpose } : {}),
    ...(o.fieldMapping ? { field_mapping: o.fieldMapping as never } : {}),
    ...(o.csvMapping ? { csv_mapping: o.csvMapping as never } : {}),
  };
  const init = {
    body: bytes as never,
    bodySerializer: (b: unknown) => b as BodyInit,
    headers: { "content-type": "application/octet-stream", accept: "application/x-ndjson" },
    parseAs: "stream" as const,
  };
  const sent = o.benchmark
    ? await api.POST("/api/v1/benchmarks/{id}/versions", { ...init, params: { path: { id: await benchmarkId(api, o.benchmark) }, query } })
    : await api.POST("/api/v1/benchmarks", { ...init, params: { query } });
  if (!sent.response.ok || !sent.response.body)
    return unwrap({ ...sent, error: sent.error ?? (await sent.response.json().catch(() => ({}))) }) as never;
  const lines = bytes
    .toString("utf8")
    .split("\n")
    .filter((l) => l.trim()).length;
  const result = await readProgress(sent.response.body, Math.max(lines, 1), !o.json && process.stderr.isTTY === true);
  if (o.json) printJson(result);
  else {
    const validation = result.validation as {
      valid?: number;
      errorRows?: number;
      errors?: { row: number; errors: { message: string }[] }[];
    };
    const version = result.version as { number: number; task_count: number } | null;
    const target = result.dry_run ? "Dry run" : version ? `Version ${version.number} (${version.task_count} tasks)` : "Nothing imported";
    console.log(`${target}: ${validation.valid ?? 0} valid rows, ${validation.errorRows ?? 0} with errors`);
    for (const e of (validation.errors ?? []).slice(0, 10)) console.log(`  row ${e.row}: ${e.errors.map((i) => i.message).join("; ")}`);
  }
  return 0;
}
