import type { ChildProcess } from "node:child_process";
import { once } from "node:events";

/** Asks a child process to stop (SIGTERM) and waits for it to exit, at most 15 s. */
export async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGTERM");
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
}
