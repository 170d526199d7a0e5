import PgBoss from "pg-boss";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { databaseUrl } from "@/lib/env";
import { startAutomation } from "@/lib/jobs/automation-worker";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();

/** A 20-task benchmark and a model pointing at `url`, in the project. */
export async function makePair(ctx: ProjectCtx, url: string, key = "pair") {
  const rows = Array.from({ length: 20 }, (_, i) => JSON.stringify({ input: `What is ${i} + 1?`, truth: String(i + 1) })).join("\n");
  const imported = await importBenchmark(
    ctx,
    {
      create: {
        key: `${key}-bench-${ctx.project.key}`,
        name: `${key} bench`,
        description: "",
        categories: [],
        languages: [],
        visibility: "custom",
      },
    },
    bytes(rows),
    ImportSettings.parse({}),
  );
  const model = await createModel(ctx, CreateModel.parse({ key: `${key}/model-${ctx.project.key}`, name: `${key} model`, api_url: url }));
  return { modelId: model.id, benchmarkId: imported.benchmark?.id as string, versionId: imported.version?.id as string };
}

/** An extra worker process's pg-boss with a fast cron clock (1 s instead of 30 s), running only the automation jobs. */
export async function startAutomationWorker(): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: databaseUrl(),
    schema: "pgboss",
    max: 3,
    schedule: true,
    supervise: true,
    cronMonitorIntervalSeconds: 1,
    cronWorkerIntervalSeconds: 1,
  });
  boss.on("error", (error) => console.error("[test boss]", error.message));
  await boss.start();
  await startAutomation(boss);
  return boss;
}

export async function until<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000, what = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
