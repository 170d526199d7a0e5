import { randomBytes } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { hashToken } from "@/lib/auth/tokens";
import { setSetting } from "@/lib/services/instance";
import { createUser } from "@/lib/services/users/sign-up";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { PUBLIC_CATALOG, SIMULATED_MODELS } from "./catalog";
import { demoTasks } from "./demo-benchmark";
import { seedDemoAbTests } from "@/lib/services/ab-tests/demo";
import { seedDemoOnline } from "./demo-online";
import type { Database } from "@/db";
import { models, projectMembers, projectModels, projects, users } from "@/db/schema";

export type SeedOptions = { adminEmail?: string; adminPassword?: string; demo: boolean; baseUrl: string; log: (line: string) => void };

/** Idempotent: the catalog is upserted by key; the admin and demo project are created only on an empty instance. */
export async function seed(database: Database, options: SeedOptions): Promise<void> {
  const demo = await database.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7261001)`);
    const catalog = [...PUBLIC_CATALOG, ...SIMULATED_MODELS].map((m) => ({ ...m, visibility: "public" as const }));
    await tx.insert(models).values(catalog).onConflictDoNothing({ target: models.key });

    const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
    if (count > 0) return null;

    const fromEnv = options.adminEmail && options.adminPassword;
    const password = fromEnv ? (options.adminPassword as string) : randomBytes(12).toString("base64url");
    const email = fromEnv ? (options.adminEmail as string) : "admin@yardstick.local";
    const admin = await createUser(
      { username: email.split("@")[0]?.replace(/[^a-zA-Z0-9_.-]/g, "") || "admin", email, password },
      { admin: true, tx },
    );
    if (!options.demo && fromEnv) return null;

    const [project] = await tx
      .insert(projects)
      .values({ key: "demo", name: "Demo project", description: "A place to try Yardstick: two simulated models run with no network." })
      .onConflictDoNothing()
      .returning();
    if (project) {
      await tx.insert(projectMembers).values({ projectId: project.id, userId: admin.id, role: "owner" });
      const builtIn = await tx
        .select({ id: models.id })
        .from(models)
        .where(
          inArray(
            models.key,
            SIMULATED_MODELS.map((m) => m.key),
          ),
        );
      await tx.insert(projectModels).values(builtIn.map((m) => ({ projectId: project.id, modelId: m.id })));
    }
    if (fromEnv) {
      options.log(`Created administrator ${email} from YARDSTICK_ADMIN_EMAIL.`);
      return project ? { admin, project } : null;
    }
    const setupToken = randomBytes(24).toString("base64url");
    await setSetting("setupTokenHash", hashToken(setupToken), tx);
    options.log(
      [
        "",
        "  Demo administrator created (shown once):",
        `    sign in at ${options.baseUrl}/login`,
        `    username: ${admin.username}   password: ${password}`,
        `  Or choose your own admin credentials: ${options.baseUrl}/setup?token=${setupToken}`,
        "",
      ].join("\n"),
    );
    return project ? { admin, project } : null;
  });
  if (demo) {
    await seedDemoBenchmark(demo.admin, demo.project);
    await seedDemoOnline(demoContext(demo.admin, demo.project));
    await seedDemoAbTests(demoContext(demo.admin, demo.project), ...(await simulatedModels(database)));
  }
}

function demoContext(admin: { id: string; username: string; isAdmin: boolean }, project: { id: string; key: string; name: string }) {
  return { actor: { userId: admin.id, username: admin.username, isAdmin: admin.isAdmin }, project, role: "owner" as const };
}

/** After the seed commits (the import has its own transaction), the demo project gets a benchmark. */
async function seedDemoBenchmark(
  admin: { id: string; username: string; isAdmin: boolean },
  project: { id: string; key: string; name: string },
) {
  const ctx = demoContext(admin, project);
  const source = (async function* () {
    yield Buffer.from(
      demoTasks()
        .map((t) => JSON.stringify(t))
        .join("\n"),
    );
  })();
  const fields = {
    key: "demo/starter",
    name: "Starter mix",
    description: "40 small tasks: arithmetic (free answer), capitals (multiple choice), facts (true/false).",
    categories: ["reasoning", "knowledge"],
    languages: ["en"],
    visibility: "custom" as const,
  };
  await importBenchmark(ctx, { create: fields }, source, ImportSettings.parse({ filename: "starter.jsonl" }));
}

/** The built-in simulated models' ids, strong first. */
async function simulatedModels(database: Database): Promise<[{ id: string; key: string }, { id: string; key: string }]> {
  const rows = await database
    .select({ id: models.id, key: models.key })
    .from(models)
    .where(
      inArray(
        models.key,
        SIMULATED_MODELS.map((m) => m.key),
      ),
    );
  const byKey = (key: string | undefined) => rows.find((r) => r.key === key) as { id: string; key: string };
  return [byKey(SIMULATED_MODELS[0]?.key), byKey(SIMULATED_MODELS[1]?.key)];
}
