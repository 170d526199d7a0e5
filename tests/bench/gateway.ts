import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import { Agent, request } from "undici";
import { closeDb, db } from "@/db";
import { interactions } from "@/db/schema";
import { quantileSorted } from "@/lib/scoring/statistics";
import { makeProject, makeUser } from "../support/factories";
import { makeModel, makeUseCase, tokenFor } from "../support/online";
import { cpuSeconds, ownCpuSeconds, serverCpuSeconds } from "./cpu";
import { benchDatabase } from "./embedded-db";

// npm run bench:gateway — the gateway against a local 0 ms OpenAI-compatible endpoint (its own process).
// Overhead = the gateway's latency percentile minus the same percentile of identical requests sent straight
// to the endpoint in the same run. The last line printed is one JSON object.
// The gateway runs as `YARDSTICK_GATEWAY_PORT` runs it (its own listener, lib/server/gateway-server.ts);
// BENCH_GATEWAY_SERVER=next measures it inside the production Next.js server instead (`npm run build` first).
const RPS = 200;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_RPS_SECONDS = Number(process.env.BENCH_MAX_RPS_SECONDS ?? 8);
const CONCURRENCY = 64;
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "true";
process.env.YARDSTICK_SECRET_KEY ??= "bench-secret-key-bench-secret-key-0123456789";

const agent = new Agent({ connections: 256, keepAliveTimeout: 30_000 });
const log = (line: string) => process.stderr.write(`${line}\n`);

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** A child process that prints its URL on its first stdout line. */
async function startPrinting(args: string[], env: NodeJS.ProcessEnv): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"], env });
  const exited = once(child, "exit").then(([code]) => {
    throw new Error(`${args.join(" ")} exited with ${code}`);
  });
  const [line] = (await Promise.race([once(createInterface({ input: child.stdout as NodeJS.ReadableStream }), "line"), exited])) as [
    string,
  ];
  return { url: line.trim(), child };
}

/** The gateway's own listener, or the production Next.js server, on the bench database. */
// BENCH_GATEWAY_PROFILE=<dir> writes the gateway process's CPU profile there.
const profile = process.env.BENCH_GATEWAY_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_GATEWAY_PROFILE}`] : [];

async function startGateway(databaseUrl: string, dataDir: string): Promise<{ base: string; child: ChildProcess }> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, YARDSTICK_DATA_DIR: dataDir, NODE_ENV: "production" as const };
  if (process.env.BENCH_GATEWAY_SERVER !== "next") {
    const { url, child } = await startPrinting([...profile, "--import", "tsx", "lib/server/gateway-server.ts"], env);
    return { base: url, child };
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [...profile, require.resolve("next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...env, NEXT_MANUAL_SIG_HANDLE: "true", NEXTAUTH_URL: base },
    },
  );
  for (const deadline = Date.now() + 120_000; ; ) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    if (
      await fetch(`${base}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      return { base, child };
    if (Date.now() > deadline) throw new Error("the server did not start within 2 minutes");
    await new Promise((r) => setTimeout(r, 300));
  }
}

type Target = { url: string; headers: Record<string, string> };
const body = (stream: boolean) =>
  JSON.stringify({ model: "default", messages: [{ role: "user", content: "ping" }], ...(stream ? { stream: true } : {}) });

/** One request: total milliseconds, or to the first body byte for streams. */
async function timed(target: Target, stream: boolean): Promise<number> {
  const started = performance.now();
  const res = await request(target.url, {
    method: "POST",
    dispatcher: agent,
    headers: { "content-type": "application/json", ...target.headers },
    body: body(stream),
  });
  let first = 0;
  for await (const _chunk of res.body) first ||= performance.now() - started;
  if (res.statusCode !== 200) throw new Error(`${target.url} answered ${res.statusCode}`);
  return stream ? first : performance.now() - started;
}

/** Open loop: `rps` requests a second for `seconds`, alternating between the targets so both see the same moments. */
async function openLoop(targets: Target[], stream: boolean, seconds: number): Promise<number[][]> {
  const results = targets.map(() => [] as number[]);
  const pending: Promise<void>[] = [];
  const started = performance.now();
  const total = RPS * seconds;
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RPS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const which = i % targets.length;
    pending.push(timed(targets[which] as Target, stream).then((ms) => void results[which]?.push(ms)));
  }
  await Promise.all(pending);
  return results;
}

/** Closed loop at CONCURRENCY for `seconds`: completed requests per second. */
async function maxRps(target: Target, seconds: number): Promise<{ rps: number; requests: number }> {
  let done = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        await timed(target, false);
        done++;
      }
    }),
  );
  return { rps: Math.round(done / ((performance.now() - started) / 1000)), requests: done };
}

const pct = (values: number[], q: number) =>
  quantileSorted(
    [...values].sort((a, b) => a - b),
    q,
  );
const round = (n: number) => Math.round(n * 100) / 100;
const rssMb = (pid: number) => Math.round(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1]) / 1024);

async function main() {
  const database = await benchDatabase();
  const dataDir = mkdtempSync(path.join(tmpdir(), "yardstick-bench-gateway-"));
  const endpoint = await startPrinting(["--import", "tsx", "tests/bench/fake-endpoint.ts", "0"], process.env);
  let gateway: { base: string; child: ChildProcess } | undefined;
  try {
    await makeUser();
    const ctx = await makeProject();
    const model = await makeModel(ctx, "bench/gateway", endpoint.url);
    await makeUseCase(ctx, "bench", [model]);
    const token = await tokenFor(ctx);
    gateway = await startGateway(database.url, dataDir);
    const direct: Target = { url: endpoint.url, headers: {} };
    const viaGateway: Target = {
      url: `${gateway.base}/api/v1/chat/completions`,
      headers: { authorization: `Bearer ${token}`, "x-yardstick-use-case": "bench" },
    };
    let requests = 0;

    // Both kinds of call are warmed up before either is measured: measured cold, the streaming path's first
    // seconds ran before the JIT had compiled it (its p50 overhead read 0.4-1 ms higher than a second, warm pass).
    log("warm-up …");
    for (const stream of [false, true]) {
      await openLoop([direct, viaGateway], stream, 2);
      requests += RPS;
    }
    log(`${RPS} rps for ${SECONDS} s, alternating direct and gateway …`);
    const [plain, gated] = (await openLoop([direct, viaGateway], false, SECONDS)) as [number[], number[]];
    requests += gated.length;
    log("streaming time to first byte …");
    const [plainStream, gatedStream] = (await openLoop([direct, viaGateway], true, Math.max(2, SECONDS / 2))) as [number[], number[]];
    requests += gatedStream.length;
    log(`max rps: ${CONCURRENCY} concurrent for ${MAX_RPS_SECONDS} s …`);
    const cpuBefore = { gateway: cpuSeconds(gateway.child.pid), db: serverCpuSeconds(database.postmasterPid()), bench: ownCpuSeconds() };
    const max = await maxRps(viaGateway, MAX_RPS_SECONDS);
    requests += max.requests;
    // CPU per request compares across runs on a busy machine, where wall-clock rates do not.
    const perRequest = (after: number, before: number) => round(((after - before) * 1000) / max.requests);
    log(
      `CPU ms per request: gateway ${perRequest(cpuSeconds(gateway.child.pid), cpuBefore.gateway)}, PostgreSQL ${perRequest(serverCpuSeconds(database.postmasterPid()), cpuBefore.db)}, bench ${perRequest(ownCpuSeconds(), cpuBefore.bench)}`,
    );
    const rss = rssMb(gateway.child.pid as number);

    // A graceful stop flushes the interaction buffer; every gateway request must be in the table.
    const exited = once(gateway.child, "exit");
    gateway.child.kill("SIGTERM");
    await exited;
    gateway = undefined;
    const logged = await db.$count(interactions, eq(interactions.projectId, ctx.project.id));
    const overhead = (q: number) => round(pct(gated, q) - pct(plain, q));
    const result = {
      rps_target: RPS,
      overhead_p50_ms: overhead(0.5),
      overhead_p95_ms: overhead(0.95),
      overhead_p99_ms: overhead(0.99),
      stream_ttft_overhead_p95_ms: round(pct(gatedStream, 0.95) - pct(plainStream, 0.95)),
      max_rps: max.rps,
      interactions_logged: logged,
      requests,
      gateway_rss_mb: rss,
    };
    log(
      `direct p50/p95 ${round(pct(plain, 0.5))}/${round(pct(plain, 0.95))} ms; gateway ${round(pct(gated, 0.5))}/${round(pct(gated, 0.95))} ms`,
    );
    console.log(JSON.stringify(result));
  } finally {
    gateway?.child.kill("SIGKILL");
    endpoint.child.kill("SIGTERM");
    await agent.close();
    await closeDb();
    await database.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
