import { type ChildProcess, spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { env } from "@/lib/env";
import { startWorker } from "@/lib/worker";
import { stopChild } from "./child-process";

/**
 * Worker processes on this machine: YARDSTICK_WORKERS, else one per two cores. A worker at full speed
 * keeps about one core busy and PostgreSQL, the web server and local endpoints need the rest.
 */
export const workerCount = () => env().YARDSTICK_WORKERS ?? Math.max(1, Math.floor(availableParallelism() / 2));

/**
 * This machine's evaluation workers: in this process when one is wanted, else that many child
 * processes (`cli.ts worker` with YARDSTICK_WORKERS=1), each restarted when it dies; the jobs it held
 * are handed to the others once they expire. Children stop when this process goes (their IPC closes).
 */
export async function startWorkers(databaseUrl: string): Promise<{ stop: () => Promise<void> }> {
  const count = workerCount();
  if (count === 1) return startWorker();
  const children = new Set<ChildProcess>();
  let stopping = false;
  // One at a time, each once the previous is ready: processes creating pg-boss's queues at once can deadlock.
  const launch = () =>
    new Promise<void>((ready) => {
      const child = spawn(process.execPath, [...process.execArgv, require.resolve("./cli.ts"), "worker"], {
        stdio: ["ignore", "inherit", "inherit", "ipc"],
        env: { ...process.env, DATABASE_URL: databaseUrl, YARDSTICK_WORKERS: "1", YARDSTICK_WORKER_SIBLINGS: String(count) },
      });
      children.add(child);
      child.once("message", () => ready());
      child.on("exit", () => {
        children.delete(child);
        ready();
        if (!stopping) setTimeout(() => void launch(), 1000);
      });
    });
  for (let i = 0; i < count; i++) await launch();
  return {
    stop: async () => {
      stopping = true;
      await Promise.all([...children].map(stopChild));
    },
  };
}
