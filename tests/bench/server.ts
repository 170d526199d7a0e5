import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";

// The production server and HTTP timing shared by the benches that measure pages.

export async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

/** The production server (`next start` through our CLI) on the bench database, without the worker; `extraEnv` adds settings. */
export async function startServer(
  url: string,
  prefix: string,
  extraEnv: Record<string, string> = {},
): Promise<{ base: string; child: ChildProcess; dir: string }> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  const base = `http://127.0.0.1:${port}`;
  // With the Node flags `npm run serve` gives production (a 64 MB young generation), which the gateway's listener inherits.
  const child = spawn(process.execPath, ["--max-semi-space-size=64", "--import", "tsx", "lib/server/cli.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      NEXTAUTH_URL: base,
      YARDSTICK_DATA_DIR: dir,
      YARDSTICK_SEED_DEMO: "false",
      YARDSTICK_WORKER: "false",
      ...extraEnv,
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const ok = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { base, child, dir };
    if (Date.now() > deadline) throw new Error("server did not start within 2 minutes");
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Stops a server from startServer and removes its data directory. */
export async function stopServer(server: { child: ChildProcess; dir: string }): Promise<void> {
  const exited = once(server.child, "exit");
  server.child.kill("SIGTERM");
  await exited;
  rmSync(server.dir, { recursive: true, force: true });
}

export function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number);
}

/** Server time: request sent to last byte received, over keep-alive HTTP on localhost, after warm-up. */
export async function serverTimeP95(url: string, headers: Record<string, string>, samples: number): Promise<number> {
  const timed = async () => {
    const started = performance.now();
    const res = await fetch(url, { headers, redirect: "manual" });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await timed();
  const times: number[] = [];
  for (let i = 0; i < samples; i++) times.push(await timed());
  return p95(times);
}

/** Signs in through the login form and returns the session cookie header for plain fetches. */
export async function signInCookie(page: Page, base: string, login: string, password: string): Promise<string> {
  await page.goto(`${base}/login`);
  await page.getByLabel("Email or username").fill(login);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => !u.pathname.startsWith("/login"));
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
