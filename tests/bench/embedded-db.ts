import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";

/** DATABASE_URL, or a throwaway embedded server, migrated: benchmarks measure the real stack. */
export async function benchDatabase(): Promise<{ url: string; postmasterPid: () => number | undefined; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) {
    await runMigrations(process.env.DATABASE_URL);
    return { url: process.env.DATABASE_URL, postmasterPid: () => undefined, stop: async () => {} };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-bench-"));
  chmodSync(dir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir: dir, password: "bench", database: "yardstick" });
  process.env.DATABASE_URL = server.url;
  await runMigrations(server.url);
  return {
    url: server.url,
    // The server's own pid file (first line), so the bench can count its CPU.
    postmasterPid: () => Number(readFileSync(path.join(dir, "postgres", "postmaster.pid"), "utf8").split("\n")[0]) || undefined,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
