import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Api } from "../api";
import { CliError, unwrap } from "../api";
import { describeScore } from "../gates";
import { printJson, printTable } from "../output";

export async function listRuns(api: Api, o: { status?: string; json: boolean }) {
  const status = o.status as "completed" | undefined;
  const page = unwrap(await api.GET("/api/v1/runs", { params: { query: { per_page: 50, ...(status ? { status } : {}) } } }));
  if (o.json) return printJson(page.items);
  printTable(
    page.items.map((r) => ({
      id: r.id,
      status: r.status,
      model: r.model.name,
      benchmark: `${r.benchmark.name} v${r.benchmark.version}`,
      score: r.running_score.value?.toFixed(4),
      created: r.created_at,
    })),
    ["id", "status", "model", "benchmark", "score", "created"],
  );
}

export async function showRun(api: Api, id: string, json: boolean) {
  const run = unwrap(await api.GET("/api/v1/runs/{id}", { params: { path: { id } } }));
  if (json) return printJson(run);
  console.log(`Run ${run.id}: ${run.status}`);
  console.log(`Model ${run.model.name}, benchmark ${run.benchmark.name} v${run.benchmark.version}`);
  console.log(`Progress ${run.progress.done}/${run.progress.total} (${run.progress.errors} errors)`);
  console.log(`Score ${describeScore({ n: run.running_score.n, value: run.running_score.value, ci: run.running_score.ci })}`);
}

/** Streams the export to a file or stdout without holding it in memory. */
export async function exportRun(api: Api, id: string, o: { format: "csv" | "json" | "jsonl"; output?: string }) {
  const { response, error } = await api.GET("/api/v1/runs/{id}/export", {
    params: { path: { id }, query: { format: o.format } },
    parseAs: "stream",
  });
  if (!response.ok || !response.body) {
    const detail = error ? JSON.stringify(error) : await response.text().catch(() => "");
    throw new CliError(`${response.status} ${detail}`);
  }
  const out = o.output ? createWriteStream(o.output) : process.stdout;
  await pipeline(Readable.fromWeb(response.body as never), out, { end: Boolean(o.output) });
}

export async function compareRuns(api: Api, ids: string[], json: boolean) {
  const comparison = unwrap(await api.GET("/api/v1/compare", { params: { query: { runs: ids, filter: "all" } } }));
  if (json) return printJson({ baseline_id: comparison.baseline_id, comparisons: comparison.comparisons });
  for (const c of comparison.comparisons) {
    const d = c.difference;
    const ci = d?.ci ? ` (95% CI ${d.ci[0]?.toFixed(4)}–${d.ci[1]?.toFixed(4)})` : "";
    console.log(
      `${c.run_id} vs baseline ${comparison.baseline_id}: n = ${c.n}, difference ${d ? d.value.toFixed(4) : "n/a"}${ci}; ${c.test.statement}`,
    );
  }
}
