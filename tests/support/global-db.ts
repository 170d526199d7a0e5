import { mkdtempSync, rmSync } from "node:fs";
import { chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export const TEMPLATE = "yardstick_test_template";

/** Refuses anything but a local server: tests create and drop databases. */
export function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) throw new Error(`Refusing to run tests against non-local database host ${host}`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * One Postgres for the whole test run (DATABASE_URL, or an embedded server in a temp dir), with a
 * migrated template database; each test file clones the template into its own database.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.DATABASE_URL;
  let stop = async () => {};
  let dir: string | undefined;
  if (!adminUrl) {
    dir = mkdtempSync(path.join(tmpdir(), "yardstick-test-"));
    chmodSync(dir, 0o711);
    const server = await startEmbeddedPostgres({ dataDir: dir, password: "test", database: "postgres", fast: true });
    adminUrl = server.url;
    stop = server.stop;
  }
  assertLocal(adminUrl);
  const sql = postgres(withDatabase(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${TEMPLATE}`);
  await sql.unsafe(`create database ${TEMPLATE}`);
  await runMigrations(withDatabase(adminUrl, TEMPLATE));
  await sql.end();
  project.provide("adminDatabaseUrl", withDatabase(adminUrl, "postgres"));
  return async () => {
    await stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
