import { pipeline } from "node:stream/promises";
import { chromium } from "@playwright/test";
import postgres from "postgres";
import { closeDb } from "@/db";
import type { ProjectCtx } from "@/lib/auth/context";
import { type ResultForSummary, summarize } from "@/lib/jobs/summarize";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { RunConfig } from "@/lib/validation/runs";
import { makeProject, makeUser } from "../support/factories";
import { benchDatabase } from "./embedded-db";
import { serverTimeP95, signInCookie, startServer, stopServer } from "./server";

// npm run bench:reports — 10 models × 10 benchmarks × 10 runs of 10,000 tasks: 1,000 completed runs
// with 10,000,000 results, written as the worker writes them (one row per result, summary per run).
// Then the production server answers the report pages over HTTP (server time, p95) and Chromium
// records each page's Largest Contentful Paint. The last line printed is one JSON object.
const MODELS = Number(process.env.BENCH_MODELS ?? 10);
const BENCHMARKS = Number(process.env.BENCH_BENCHMARKS ?? 10);
const RUNS_PER_PAIR = Number(process.env.BENCH_RUNS_PER_PAIR ?? 10);
const TASKS = Number(process.env.BENCH_TASKS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 40);
const PASSWORD = "bench password 1";
const log = (line: string) => console.error(line);

/** A deterministic pseudo-random number in [0, 1) from integers (mulberry32 of a mixed seed). */
function unit(...parts: number[]): number {
  let t = parts.reduce((h, p) => Math.imul(h ^ p, 0x9e3779b1) >>> 0, 0x12345678) + 0x6d2b79f5;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

/** COPY text format: backslash, tab and line breaks escaped. */
const copyText = (v: string) => v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");

const COLUMNS =
  "run_id, position, sample, task_key, subset, status, messages, request_params, raw_response, response_text, parsed, scores, passed, score, latency_ms, tokens_in, tokens_out, cost, attempts";

/** One run's results as COPY lines, plus what the summary needs; model m answers about 50 + 4m % right. */
function runResults(runId: string, m: number, b: number, r: number): { lines: string[]; forSummary: ResultForSummary[] } {
  const lines: string[] = [];
  const forSummary: ResultForSummary[] = [];
  const accuracy = 0.5 + 0.04 * m + 0.01 * (r % 3);
  for (let p = 0; p < TASKS; p++) {
    const pass = unit(m, b, r, p) < accuracy - 0.2 * ((p % 10) / 10);
    const answer = pass ? `answer ${p}` : `wrong ${p % 7}`;
    const latencyMs = Math.round(200 + 800 * unit(b, r, p, m));
    const scores = { exact_match: { value: answer, pass, answer } };
    const messages = [{ role: "user", content: `Question ${p} of benchmark ${b}: what is the answer?` }];
    lines.push(
      [
        runId,
        p,
        0,
        `t${p}`,
        `s${p % 10}`,
        "ok",
        JSON.stringify(messages),
        "{}",
        JSON.stringify({ choices: [{ message: { content: answer } }] }),
        answer,
        JSON.stringify(answer),
        JSON.stringify(scores),
        pass ? "t" : "f",
        pass ? 1 : 0,
        latencyMs,
        20,
        4,
        0.00003,
        1,
      ]
        .map((v) => copyText(String(v)))
        .join("\t"),
    );
    forSummary.push({
      position: p,
      sample: 0,
      subset: `s${p % 10}`,
      status: "ok",
      scores,
      passed: pass,
      score: pass ? 1 : 0,
      latencyMs,
      tokensIn: 20,
      tokensOut: 4,
      cost: 0.00003,
      attempts: 1,
      error: null,
      charsIn: messages[0]?.content.length ?? 0,
      charsOut: answer.length,
    });
  }
  return { lines, forSummary };
}

async function seedData(url: string, ctx: ProjectCtx) {
  const models: string[] = [];
  for (let m = 0; m < MODELS; m++) {
    const model = await createModel(
      ctx,
      CreateModel.parse({
        key: `bench/model-${m}`,
        name: `Model ${m}`,
        endpoint_type: "simulated",
        simulation: { seed: m, accuracy: 0.5, latencyMs: { mean: 0, stddev: 0 } },
        price_input_per_m: 1 + m,
        price_output_per_m: 2 + m,
        company: `Company ${m % 3}`,
      }),
    );
    models.push(model.id);
  }
  const benchmarks: { id: string; versionId: string }[] = [];
  for (let b = 0; b < BENCHMARKS; b++) {
    const rows = (async function* () {
      for (let p = 0; p < TASKS; p++)
        yield Buffer.from(
          `${JSON.stringify({ input: `Question ${p} of benchmark ${b}: what is the answer?`, truth: `answer ${p}`, subset: `s${p % 10}` })}\n`,
        );
    })();
    const imported = await importBenchmark(
      ctx,
      {
        create: {
          key: `bench/benchmark-${b}`,
          name: `Benchmark ${b}`,
          description: "",
          categories: [`category-${b % 3}`],
          languages: [],
          visibility: "custom",
        },
      },
      rows,
      ImportSettings.parse({}),
    );
    benchmarks.push({ id: imported.benchmark?.id as string, versionId: imported.version?.id as string });
  }

  // Two connections: one run's COPY proceeds in PostgreSQL while the next run is generated here.
  const sql = postgres(url, { max: 2, onnotice: () => {}, connection: { synchronous_commit: "off" } });
  const config = JSON.stringify(RunConfig.parse({}));
  const positions = JSON.stringify(Array.from({ length: TASKS }, (_, i) => i));
  const plan = Array.from({ length: RUNS_PER_PAIR * BENCHMARKS * MODELS }, (_, i) => ({
    r: Math.floor(i / (BENCHMARKS * MODELS)),
    b: Math.floor(i / MODELS) % BENCHMARKS,
    m: i % MODELS,
  }));
  const runs: { id: string; model: number; benchmark: number }[] = [];
  const started = performance.now();
  const seedRun = async ({ r, b, m }: (typeof plan)[number]) => {
    const benchmark = benchmarks[b] as { id: string; versionId: string };
    const finished = new Date(Date.UTC(2026, 0, 1 + r, b, m));
    const created = new Date(finished.getTime() - 600_000).toISOString();
    const [row] = await sql<{ id: string }[]>`
      insert into runs (project_id, model_id, benchmark_id, version_id, status, origin, config, positions, total_items, started_at, created_at)
      values (${ctx.project.id}, ${models[m] as string}, ${benchmark.id}, ${benchmark.versionId}, 'in_progress', 'api', ${config}::jsonb, ${positions}::jsonb, ${TASKS}, ${created}, ${created})
      returning id`;
    const runId = row?.id as string;
    const { lines, forSummary } = runResults(runId, m, b, r);
    const writable = await sql`copy run_results (${sql.unsafe(COLUMNS)}) from stdin`.writable();
    await pipeline(
      (function* () {
        for (let i = 0; i < lines.length; i += 1000) yield `${lines.slice(i, i + 1000).join("\n")}\n`;
      })(),
      writable,
    );
    const summary = summarize(forSummary, TASKS);
    const passed = forSummary.filter((x) => x.passed).length;
    await sql`
      update runs set status = 'completed', summary = ${JSON.stringify(summary)}::jsonb, done_items = ${TASKS}, scored_items = ${TASKS},
        passed_items = ${passed}, tokens_in = ${TASKS * 20}, tokens_out = ${TASKS * 4}, cost = ${TASKS * 0.00003}, finished_at = ${finished.toISOString()}
      where id = ${runId}`;
    runs.push({ id: runId, model: m, benchmark: b });
    if (runs.length % 50 === 0 || runs.length === plan.length) {
      const done = runs.length * TASKS;
      log(
        `seeded ${runs.length} runs, ${done.toLocaleString("en-US")} results (${Math.round(done / ((performance.now() - started) / 1000))} results/s)`,
      );
    }
  };
  let next = 0;
  const lane = async () => {
    while (next < plan.length) await seedRun(plan[next++] as (typeof plan)[number]);
  };
  await Promise.all([lane(), lane()]);
  // A steady state, as a database that grew over months is in: the insert-triggered autovacuum of 10 M
  // fresh rows would otherwise run for minutes beside the first pages measured.
  await sql`vacuum analyze`;
  await sql.end();
  return { runs, written: runs.length * TASKS };
}

async function main() {
  const db = await benchDatabase();
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const admin = await makeUser({ username: "bench-admin", password: PASSWORD, admin: true });
    const ctx = await makeProject(admin);
    const { token } = await createToken(ctx, { name: "bench", role: "viewer" });
    const { runs, written } = await seedData(db.url, ctx);
    await closeDb();
    server = await startServer(db.url, "yardstick-bench-reports-");

    const page = await browser.newPage();
    const cookie = await signInCookie(page, server.base, admin.email, PASSWORD);

    const report = runs.at(-1) as { id: string; benchmark: number };
    const rival = runs.find((r) => r.benchmark === report.benchmark && r.id !== report.id) as { id: string };
    const key = ctx.project.key;
    const pages = {
      leaderboard: `${server.base}/${key}/leaderboard`,
      run_report: `${server.base}/${key}/runs/${report.id}`,
      compare: `${server.base}/${key}/compare?runs=${rival.id}&runs=${report.id}`,
    };
    const timings = {
      leaderboard_p95_ms: await serverTimeP95(pages.leaderboard, { cookie }, SAMPLES),
      run_report_p95_ms: await serverTimeP95(pages.run_report, { cookie }, SAMPLES),
      task_page_p95_ms: await serverTimeP95(
        `${server.base}/api/v1/runs/${report.id}/results?page=1&per_page=50`,
        {
          authorization: `Bearer ${token}`,
        },
        SAMPLES,
      ),
      compare_p95_ms: await serverTimeP95(pages.compare, { cookie }, SAMPLES),
    };

    const lcp: Record<string, number> = {};
    for (const [name, url] of Object.entries(pages)) {
      const loads: number[] = [];
      for (let i = 0; i < 3; i++) {
        await page.goto(url, { waitUntil: "networkidle" });
        loads.push(
          await page.evaluate(
            () =>
              new Promise<number>((resolve) => {
                new PerformanceObserver((list) => resolve(list.getEntries().at(-1)?.startTime ?? Number.NaN)).observe({
                  type: "largest-contentful-paint",
                  buffered: true,
                });
              }),
          ),
        );
      }
      lcp[name] = Math.round(loads.sort((a, b) => a - b)[1] as number);
    }
    console.log(JSON.stringify({ results: written, runs: runs.length, ...timings, lcp_ms: lcp }));
  } finally {
    await browser.close();
    if (server) await stopServer(server);
    await closeDb();
    await db.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
