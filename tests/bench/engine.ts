import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import postgres from "postgres";
import { closeDb } from "@/db";
import type { ProjectCtx } from "@/lib/auth/context";
import { stopQueue } from "@/lib/jobs/queue";
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

async function timedRun(ctx: ProjectCtx, benchmarkId: string, url: string, latencyMs: number, concurrency: number, procs: Processes) {
  const endpoint = await startEndpoint(latencyMs);
  try {
    return await measure(ctx, benchmarkId, url, latencyMs, concurrency, endpoint, procs);
  } finally {
    endpoint.process.kill("SIGTERM");
  }
}

async function measure(
  ctx: ProjectCtx,
  benchmarkId: string,
  url: string,
  latencyMs: number,
  concurrency: number,
  endpoint: Endpoint,
  procs: Processes,
) {
  const model = await createModel(
    ctx,
    CreateModel.parse({ key: `bench/latency-${latencyMs}-${Date.now()}`, name: `Bench ${latencyMs} ms`, api_url: endpoint.url }),
  );
  const { run } = await createRun(ctx, CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency } }), "api");
  let status = await getRun(ctx, run.id);
  while (status.status !== "in_progress" && status.status !== "completed") {
    await new Promise((r) => setTimeout(r, 20));
    status = await getRun(ctx, run.id);
  }
  const started = performance.now();
  const cpu = () => [
    cpuSeconds(procs.worker.pid),
    serverCpuSeconds(procs.postmasterPid),
    cpuSeconds(endpoint.process.pid),
    ownCpuSeconds(),
  ];
  const before = cpu();
  while (status.status === "in_progress" || status.status === "scheduled") {
    await new Promise((r) => setTimeout(r, 50));
    status = await getRun(ctx, run.id);
  }
  const seconds = (performance.now() - started) / 1000;
  // CPU milliseconds per task of each process: comparable between runs on a busy machine, unlike wall time.
  const used = cpu().map((after, i) => Math.round(((after - (before[i] ?? 0)) * 1e6) / TASKS) / 1000);
  console.error(
    JSON.stringify({
      latency_ms: latencyMs,
      seconds: Number(seconds.toFixed(2)),
      cpu_ms_per_task: { worker: used[0], postgres: used[1], endpoint: used[2], bench: used[3] },
    }),
  );
  if (status.status !== "completed" || status.progress.done !== TASKS)
    throw new Error(`run ended ${status.status} with ${status.progress.done} items`);
  return { seconds, tasksPerS: TASKS / seconds, rowsPerTask: (await rowsWritten(url, run.id)) / TASKS };
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
    worker = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "lib/server/cli.ts", "worker"], {
      env: { ...process.env, DATABASE_URL: db.url },
      stdio: "ignore",
    });
    await new Promise((r) => setTimeout(r, 3000));

    const procs = { worker, postmasterPid: db.postmasterPid() };
    const fast = await timedRun(ctx, benchmarkId, db.url, 0, 64, procs);
    const slow = await timedRun(ctx, benchmarkId, db.url, 100, 64, procs);
    const ideal = 64 / 0.1;
    console.log(
      JSON.stringify({
        tasks: TASKS,
        tasks_per_s_0ms: Math.round(fast.tasksPerS),
        efficiency_100ms_c64: Number((slow.tasksPerS / ideal).toFixed(3)),
        worker_peak_rss_mb: worker.pid ? peakRssMb(worker.pid) : null,
        db_rows_per_task: Number(fast.rowsPerTask.toFixed(3)),
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
