import { type ChildProcess, spawn } from "node:child_process";

const children: ChildProcess[] = [];

/**
 * A real worker process (`npm run worker`) — one node process, tsx loaded in-process, so SIGKILL hits
 * the worker itself — with short job expiry so a dead worker's jobs move on fast.
 */
export function spawnWorker(env: Record<string, string> = {}): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/server/cli.ts", "worker"], {
    env: { ...process.env, YARDSTICK_WORKERS: "1", YARDSTICK_JOB_EXPIRE_SECONDS: "3", YARDSTICK_QUEUE_MAINTENANCE_SECONDS: "1", ...env },
    stdio: process.env.DEBUG_WORKERS ? "inherit" : "ignore",
  });
  children.push(child);
  return child;
}

/** Kills every worker process this test file started. */
export function killWorkers(): void {
  for (const child of children) child.kill("SIGKILL");
}
