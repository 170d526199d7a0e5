import { db } from "@/db";
import { startEmbeddedPostgres } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { seed } from "@/lib/server/seed/seed";
import { dataDir, env, persistedSecret } from "@/lib/env";

export type Booted = { databaseUrl: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL when set; otherwise an embedded server under the data directory. Then migrate. */
export async function prepareDatabase(log: (line: string) => void): Promise<Booted> {
  const configured = env().DATABASE_URL;
  let stop = async () => {};
  let url = configured;
  if (!url) {
    const password = persistedSecret("postgres-password");
    log(`Starting embedded PostgreSQL in ${dataDir()}/postgres …`);
    const server = await startEmbeddedPostgres({ dataDir: dataDir(), password, database: "yardstick" });
    url = server.url;
    stop = server.stop;
    process.env.DATABASE_URL = url;
    log(`Embedded PostgreSQL listening on 127.0.0.1:${server.port}`);
  }
  await runMigrations(url);
  return { databaseUrl: url, embedded: !configured, stop };
}

export async function seedInstance(baseUrl: string, log: (line: string) => void): Promise<void> {
  const e = env();
  await seed(db, {
    adminEmail: e.YARDSTICK_ADMIN_EMAIL,
    adminPassword: e.YARDSTICK_ADMIN_PASSWORD,
    demo: e.YARDSTICK_SEED_DEMO,
    baseUrl,
    log,
  });
}
