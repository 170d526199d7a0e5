import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";

/** Applies drizzle/ migrations under an advisory lock, so instances starting together migrate once. */
export async function runMigrations(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(7261000)`;
    await migrate(drizzle(client), { migrationsFolder: path.resolve(process.cwd(), "drizzle") });
    await client`select pg_advisory_unlock(7261000)`;
  } finally {
    await client.end();
  }
}
