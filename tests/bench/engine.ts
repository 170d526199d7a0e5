import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { closeDb } from "@/db";
import type { ProjectCtx } from "@/lib/auth/context";
import { stopQueue } from "@/lib/jobs/queue";
import { postJson } from "@/lib/providers/chat-client";
import { chatCompletionsUrl } from "@/lib/providers/endpoint-url";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { getRun } from "@/lib/services/runs/read";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { makeProject, makeUser } from "../support/factories";
import { cpuSeconds, ownCpuSeconds, serverCpuSeconds } from "./cpu";
import { benchDatabase } from "./embedded-db";

// npm run bench:engine — 10,000 tasks through the real queue, a separate worker process and the
// database, against a local OpenAI-compatible endpoint. The last line printed is one JSON object.
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "true";

/** Peak resident memory of a process, from the kernel's high-water mark. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}

/** Rows the run wrote: its results, its queue jobs (live and archived) and the run itself. */
async function rowsWritten(url: string, runId: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const [row] = await sql`
    select (select count(*) from run_results where run_id = ${runId})
         + (select count(*) from pgboss.job where data->>'runId' = ${runId})
         + (select count(*) from pgboss.archive where data->>'runId' = ${runId})
         + 1 as n`;
  await sql.end();
  return Number(row?.n ?? 0);
}

/**
 * Where a short run's time went, in PostgreSQL's clock: creation to in progress, the first chunk's wait
 * in the queue (later ones wait for a free chunk worker), the last result to completed, and the mean model call.
 */
async function phases(url: string, runId: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const ms = (interval: string) => sql`round(extract(epoch from ${sql.unsafe(interval)}) * 1000)::int`;
  const [row] = await sql`
    select ${ms("r.started_at - r.created_at")} as pickup_ms,
      (select ${ms("min(j.started_on - j.created_on)")} from pgboss.job j where j.name = 'run-chunk' and j.data->>'runId' = ${runId}) as chunk_pickup_ms,
      ${ms("r.finished_at - (select max(created_at) from run_results where run_id = r.id)")} as finalize_ms,
      (select round(avg(latency_ms), 1)::float8 from run_results where run_id = r.id) as call_ms_mean
    from runs r where r.id = ${runId}`;
  await sql.end();
  return row;
}

/** Waits until the worker has finished the last run's follow-up work (task tallies, queued jobs). */
async function idle(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  for (;;) {
    const [row] = await sql`select (select count(*) from runs where status = 'completed' and outcomes_recorded_at is null)
      + (select count(*) from pgboss.job where state in ('created', 'retry', 'active') and name like 'run-%') as busy`;
    if (Number(row?.busy) === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await new Promise((r) => setTimeout(r, 500));
  await sql.end();
}

/** The fake endpoint in its own process; resolves with its URL once it listens. */
async function startEndpoint(latencyMs: number): Promise<Endpoint> {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/bench/fake-endpoint.ts", String(latencyMs)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (data: Buffer) => {
      out += data.toString();
      if (out.includes("\n")) resolve(out.trim());
    });
    child.once("exit", (code) => reject(new Error(`fake endpoint exited with ${code}`)));
  });
  return { url, process: child };
}

type Endpoint = { url: string; process: ChildProcess };
type Processes = { worker: ChildProcess; postmasterPid: number | undefined };
type Bench = { ctx: ProjectCtx; benchmarkId: string; url: string; procs: Processes };

/** Runs `fn` against a fresh endpoint of the given latency and a model pointing at it. */
async function withEndpoint<T>(bench: Bench, latencyMs: number, fn: (modelId: string, endpoint: Endpoint) => Promise<T>): Promise<T> {
  const endpoint = await startEndpoint(latencyMs);
  try {
    const model = await createModel(
      bench.ctx,
      CreateModel.parse({ key: `bench/latency-${latencyMs}-${Date.now()}`, name: `Bench ${latencyMs} ms`, api_url: endpoint.url }),
    );
    return await fn(model.id, endpoint);
  } finally {
    endpoint.process.kill("SIGTERM");
  }
}

/** Creates a run as the API does; resolves once its status is final, with the milliseconds taken. */
async function runToResult(bench: Bench, modelId: string, tasks: number, concurrency: number, onStarted?: () => void) {
  const config = { concurrency, ...(tasks < TASKS ? { num_examples: tasks } : {}) };
  const started = performance.now();
  const { run } = await createRun(bench.ctx, CreateRun.parse({ model_id: modelId, benchmark_id: bench.benchmarkId, config }), "api");
  // A light query every 2 ms for the short runs (their wake-up and finalise latencies are tens of
  // milliseconds); every 20 ms for the full-size one, whose polling would otherwise cost CPU it measures.
  const pollMs = tasks < TASKS ? 2 : 20;
  const sql = postgres(bench.url, { max: 1, onnotice: () => {} });
  let inProgressAt: number | undefined;
  let status = "scheduled";
  try {
    while (status === "scheduled" || status === "in_progress") {
      await new Promise((r) => setTimeout(r, pollMs));
      [{ status = "" } = {}] = await sql<{ status: string }[]>`select status from runs where id = ${run.id}`;
      if (status !== "scheduled" && inProgressAt === undefined) {
        inProgressAt = performance.now();
        onStarted?.();
      }
    }
  } finally {
    await sql.end();
  }
  const ms = performance.now() - started;
  if (tasks < TASKS) console.error(JSON.stringify({ tasks, ms: Math.round(ms), ...(await phases(bench.url, run.id)) }));
  const result = await getRun(bench.ctx, run.id);
  if (result.status !== "completed" || result.progress.done !== tasks)
    throw new Error(`run ended ${result.status} with ${result.progress.done} items`);
  return { runId: run.id, ms, runningMs: performance.now() - (inProgressAt ?? started) };
}

/** The full-size run: throughput from in-progress to completed, and the CPU each process spent per task. */
async function measure(bench: Bench, modelId: string, endpoint: Endpoint, latencyMs: number, concurrency: number) {
  const cpu = () => [
    serverCpuSeconds(bench.procs.worker.pid),
    serverCpuSeconds(bench.procs.postmasterPid),
    cpuSeconds(endpoint.process.pid),
    ownCpuSeconds(),
  ];
  let before = cpu();
  const { runId, runningMs } = await runToResult(bench, modelId, TASKS, concurrency, () => {
    before = cpu();
  });
  const seconds = runningMs / 1000;
  // CPU milliseconds per task of each process: comparable between runs on a busy machine, unlike wall time.
  const used = cpu().map((after, i) => Math.round(((after - (before[i] ?? 0)) * 1e6) / TASKS) / 1000);
  console.error(
    JSON.stringify({
      latency_ms: latencyMs,
      seconds: Number(seconds.toFixed(2)),
      cpu_ms_per_task: { workers: used[0], postgres: used[1], endpoint: used[2], bench: used[3] },
    }),
  );
  return { seconds, tasksPerS: TASKS / seconds, rowsPerTask: (await rowsWritten(bench.url, runId)) / TASKS };
}

/**
 * The machine's own ceiling: a closed loop of `concurrency` bare requests through the engine's HTTP client to
 * the same endpoint process, with no queue, database or scoring; returns requests per second. The endpoint
 * shares the machine's two cores, so the engine's rate and efficiency are read against this.
 */
async function httpLoop(endpointUrl: string, requests: number, concurrency: number): Promise<number> {
  const url = new URL(chatCompletionsUrl(endpointUrl));
  const body = JSON.stringify({ model: "bench", messages: [{ role: "user", content: "Task 0: reply with pong." }] });
  let sent = 0;
  const loop = async () => {
    while (sent++ < requests) JSON.parse(await (await postJson(url, {}, body, undefined)).body.text());
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  return requests / ((performance.now() - started) / 1000);
}

/** Peak resident memory of the worker processes: the largest of the parent and its children. */
function workersPeakRssMb(pid: number | undefined): number | null {
  if (!pid) return null;
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
  return Math.max(...[pid, ...children].map(peakRssMb));
}

async function main() {
  const db = await benchDatabase();
  let worker: ChildProcess | undefined;
  try {
    await makeUser();
    const ctx = await makeProject();
    const rows = Array.from({ length: TASKS }, (_, i) =>
      JSON.stringify({ input: `Task ${i}: reply with pong.`, truth: "pong", subset: `s${i % 10}` }),
    ).join("\n");
    const source = (async function* () {
      yield Buffer.from(rows);
    })();
    const imported = await importBenchmark(
      ctx,
      { create: { key: "bench-engine", name: "Engine", description: "", categories: [], languages: [], visibility: "custom" } },
      source,
      ImportSettings.parse({}),
    );
    const benchmarkId = imported.benchmark?.id as string;

    // BENCH_WORKER_ARGS passes node flags to the worker, e.g. --cpu-prof to profile it.
    const nodeArgs = process.env.BENCH_WORKER_ARGS?.split(" ").filter(Boolean) ?? [];
    // --max-semi-space-size as `npm run worker` passes it.
    worker = spawn(process.execPath, ["--max-semi-space-size=64", ...nodeArgs, "--import", "tsx", "lib/server/cli.ts", "worker"], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: "ignore",
    });
    await new Promise((r) => setTimeout(r, 3000));

    const bench: Bench = { ctx, benchmarkId, url: db.url, procs: { worker, postmasterPid: db.postmasterPid() } };
    const small = Math.min(40, TASKS);
    const gsm8k = Math.min(1319, TASKS);
    const fast = await withEndpoint(bench, 0, async (modelId, endpoint) => {
      const measured = await measure(bench, modelId, endpoint, 0, 64);
      // Each short run alone, as a CI gate's would be: not while the big run's tallies are still being written.
      await idle(bench.url);
      const short = await runToResult(bench, modelId, small, 64);
      await idle(bench.url);
      const medium = await runToResult(bench, modelId, gsm8k, 64);
      return { ...measured, smallMs: short.ms, mediumMs: medium.ms, loopPerS: await httpLoop(endpoint.url, 2 * TASKS, 64) };
    });
    const slow = await withEndpoint(bench, 100, async (modelId, endpoint) => {
      const measured = await measure(bench, modelId, endpoint, 100, 64);
      await idle(bench.url);
      const medium = await runToResult(bench, modelId, gsm8k, 64);
      return { ...measured, mediumPerS: gsm8k / (medium.ms / 1000), loopPerS: await httpLoop(endpoint.url, Math.min(TASKS, 6400), 64) };
    });
    const ideal = 64 / 0.1;
    console.log(
      JSON.stringify({
        tasks: TASKS,
        tasks_per_s_0ms: Math.round(fast.tasksPerS),
        efficiency_100ms_c64: Number((slow.tasksPerS / ideal).toFixed(3)),
        worker_peak_rss_mb: workersPeakRssMb(worker.pid),
        db_rows_per_task: Number(fast.rowsPerTask.toFixed(3)),
        time_to_result_40_ms: Math.round(fast.smallMs),
        time_to_result_1319_ms: Math.round(fast.mediumMs),
        efficiency_1319_100ms_c64: Number((slow.mediumPerS / ideal).toFixed(3)),
        http_loop_per_s_0ms: Math.round(fast.loopPerS),
        http_loop_efficiency_100ms_c64: Number((slow.loopPerS / ideal).toFixed(3)),
      }),
    );
  } finally {
    worker?.kill("SIGTERM");
    await stopQueue();
    await closeDb();
    await db.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
