import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
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
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host))
    throw new Error(`Refusing to run tests against non-local database host ${host}`);
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
  if (!adminUrl) {
    // A child process: see tests/support/pg-server.ts for why not in this one.
    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/pg-server.ts"], { stdio: ["pipe", "pipe", "inherit"] });
    const exitedEarly = once(child, "exit").then(([code]) => {
      throw new Error(`The test database process exited with code ${code}`);
    });
    const [line] = (await Promise.race([once(createInterface({ input: child.stdout }), "line"), exitedEarly])) as [string];
    adminUrl = (JSON.parse(line) as { url: string }).url;
    stop = async () => {
      const exited = once(child, "exit");
      child.stdin.end();
      await exited;
    };
  }
  assertLocal(adminUrl);
  const sql = postgres(withDatabase(adminUrl, "postgres"), { max: 1, onnotice: () => {} });
  await sql.unsafe(`drop database if exists ${TEMPLATE}`);
  await sql.unsafe(`create database ${TEMPLATE}`);
  await runMigrations(withDatabase(adminUrl, TEMPLATE));
  await sql.end();
  project.provide("adminDatabaseUrl", withDatabase(adminUrl, "postgres"));
  return stop;
}
