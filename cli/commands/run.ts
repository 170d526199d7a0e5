import { readFileSync } from "node:fs";
import { SingleBar } from "cli-progress";
import type { Api } from "../api";
import { CliError, unwrap } from "../api";
import type { paths } from "../api-types";
import { describeScore, gateFailures, type Paired, type Score } from "../gates";
import { printJson } from "../output";
import { benchmarkId, modelId } from "./resolve";

type RunBody = paths["/api/v1/runs"]["post"]["requestBody"] extends { content: { "application/json": infer B } } | undefined ? B : never;

export type RunOptions = {
  model: string;
  benchmark: string;
  version?: number;
  config?: string;
  temperature?: number;
  maxTokens?: number;
  numExamples?: number;
  seed?: number;
  samplesPerTask?: number;
  concurrency?: number;
  wait: boolean;
  failUnder?: number;
  failUnderLower?: number;
  failOnRegression?: boolean;
  baseline: string;
  alpha: number;
  json: boolean;
};

/** The config file (JSON, as POST /api/v1/runs takes it) with the flags laid over it. */
function runConfig(o: RunOptions): RunBody["config"] {
  const file = o.config ? (JSON.parse(readFileSync(o.config, "utf8")) as RunBody["config"]) : {};
  const sampling = {
    ...file?.sampling,
    ...(o.temperature !== undefined ? { strategy: "top_p" as const, temperature: o.temperature } : {}),
  };
  if (o.maxTokens !== undefined) sampling.max_tokens = o.maxTokens;
  return {
    ...file,
    sampling,
    ...(o.numExamples !== undefined ? { num_examples: o.numExamples } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
    ...(o.samplesPerTask !== undefined ? { samples_per_task: o.samplesPerTask } : {}),
    ...(o.concurrency !== undefined ? { concurrency: o.concurrency } : {}),
  };
}

async function waitForRun(api: Api, id: string, showProgress: boolean) {
  const bar = showProgress ? new SingleBar({ format: "{bar} {value}/{total} items · {status}", stream: process.stderr }) : null;
  let run = unwrap(await api.GET("/api/v1/runs/{id}", { params: { path: { id } } }));
  bar?.start(run.progress.total, run.progress.done, { status: run.status });
  while (run.status === "scheduled" || run.status === "in_progress") {
    await new Promise((r) => setTimeout(r, 1000));
    run = unwrap(await api.GET("/api/v1/runs/{id}", { params: { path: { id } } }));
    bar?.update(run.progress.done, { status: run.status });
  }
  bar?.stop();
  return run;
}

type Run = Awaited<ReturnType<typeof waitForRun>>;

/** The baseline run: the one named, or the latest other completed run of this model on this benchmark version. */
async function baselineFor(api: Api, run: Run, ref: string): Promise<string | null> {
  if (ref !== "latest") return ref;
  const query = { model_id: run.model.id, benchmark_id: run.benchmark.id, status: "completed" as const, per_page: 50 };
  const page = unwrap(await api.GET("/api/v1/runs", { params: { query } }));
  return page.items.find((r) => r.id !== run.id && r.benchmark.version === run.benchmark.version)?.id ?? null;
}

/** The paired test of the new run against the baseline, from the compare API (the baseline comes first). */
async function pairedTest(api: Api, baseline: string, run: Run): Promise<Paired> {
  const comparison = unwrap(await api.GET("/api/v1/compare", { params: { query: { runs: [baseline, run.id], filter: "all" } } }));
  const pair = comparison.comparisons.find((c) => c.run_id === run.id);
  if (!pair) throw new CliError(`The comparison with ${baseline} has no result for ${run.id}`);
  return { baseline, p: pair.test.p, difference: pair.difference?.value ?? null, test: pair.test.name };
}

/** Starts a run, waits for it, prints the score with its interval and applies the CI gates (exit 1 on failure). */
export async function runCommand(api: Api, o: RunOptions): Promise<number> {
  const body: RunBody = { model_id: await modelId(api, o.model), benchmark_id: await benchmarkId(api, o.benchmark), config: runConfig(o) };
  if (o.version !== undefined) body.version = o.version;
  const created = unwrap(await api.POST("/api/v1/runs", { body }));
  if (!o.wait) {
    if (o.json) printJson(created);
    else console.log(`Started run ${created.id} (${created.total_items} items)`);
    return 0;
  }
  const run = await waitForRun(api, created.id, !o.json && process.stderr.isTTY === true);
  if (run.status !== "completed") throw new CliError(`Run ${run.id} ended ${run.status}${run.error ? `: ${run.error}` : ""}`, 1);
  const score: Score = { n: run.running_score.n, value: run.running_score.value, ci: run.running_score.ci };
  let paired: Paired | undefined;
  let note: string | undefined;
  if (o.failOnRegression) {
    const baseline = await baselineFor(api, run, o.baseline);
    if (baseline) paired = await pairedTest(api, baseline, run);
    else note = "no baseline run to compare with: the regression gate passes";
  }
  const failures = gateFailures(score, { failUnder: o.failUnder, failUnderLower: o.failUnderLower, alpha: o.alpha }, paired);
  if (o.json) printJson({ run_id: run.id, status: run.status, score, regression: paired ?? null, passed: failures.length === 0, failures });
  else {
    console.log(`Run ${run.id}: score ${describeScore(score)}`);
    if (paired)
      console.log(
        `Against ${paired.baseline}: difference ${paired.difference ?? "n/a"}, ${paired.test ?? "no test"} p = ${paired.p ?? "n/a"}`,
      );
    if (note) console.log(note);
    for (const failure of failures) console.error(`FAIL: ${failure}`);
  }
  return failures.length ? 1 : 0;
}
