import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { stopQueue } from "@/lib/jobs/queue";
import { acquireLease } from "@/lib/providers/model-leases";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { makePongBenchmark } from "../support/benchmarks";
import { startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { waitForRun } from "../support/runs";
import { killWorkers, spawnWorker } from "../support/worker-process";

afterAll(async () => {
  killWorkers();
  await stopQueue();
});

describe("a model's max_concurrency across worker processes", () => {
  it("holds for two workers together: the endpoint never sees more than the limit in flight", async () => {
    await makeUser();
    const ctx = await makeProject();
    const benchmarkId = await makePongBenchmark(ctx, "narrow", 120);
    const fake = await startFakeOpenAI({ latencyMs: 40, answer: () => "pong" });
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/narrow", name: "Narrow", api_url: fake.url, max_concurrency: 2 }));
    // One chunk at a time per worker: two runs (one chunk each) are then certainly evaluated by both processes at once.
    // Jobs expire after a minute, not 3 s: a chunk outliving its expiry would be redelivered to the other worker.
    const settings = { YARDSTICK_WORKER_CHUNKS: "1", YARDSTICK_JOB_EXPIRE_SECONDS: "60" };
    spawnWorker(settings);
    spawnWorker(settings);
    const start = () =>
      createRun(ctx, CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 8 } }), "user");
    const [a, b] = await Promise.all([start(), start()]);
    const runs = await Promise.all([waitForRun(ctx, a.run.id, undefined, 90_000), waitForRun(ctx, b.run.id, undefined, 90_000)]);
    expect(runs.map((r) => r.status)).toEqual(["completed", "completed"]);
    expect(fake.requests.length).toBeGreaterThanOrEqual(240);
    // Each process alone allowed 2 before; together they allowed 4.
    expect(fake.maxInFlight()).toBe(2);
    const [leases] = await db.execute<{ n: number }>(sql`select count(*)::int as n from model_leases where model_id = ${model.id}`);
    expect(leases?.n).toBe(0);
    await fake.close();
  }, 120_000);

  it("gives a killed worker's slots back once their leases expire", async () => {
    const ctx = await makeProject();
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/orphaned", name: "Orphaned", api_url: "http://127.0.0.1:9" }));
    // Both slots held by a process that died: nobody renews or releases them.
    await db.execute(sql`insert into model_leases (model_id, slot, process, token, expires_at)
      select ${model.id}, s, 'dead-worker', gen_random_uuid(), now() + interval '1500 milliseconds' from generate_series(0, 1) s`);
    const started = Date.now();
    const release = await acquireLease(model.id, 2);
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(1_200);
    expect(waited).toBeLessThan(5_000);
    await release();
  });
});
