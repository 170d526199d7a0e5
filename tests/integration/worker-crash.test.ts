import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { runResults } from "@/db/schema";
import { stopQueue } from "@/lib/jobs/queue";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { getRun } from "@/lib/services/runs/read";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { makePongBenchmark } from "../support/benchmarks";
import { startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { killWorkers, spawnWorker } from "../support/worker-process";

const countResults = async (runId: string) =>
  (await db.select({ n: sql<number>`count(*)::int` }).from(runResults).where(eq(runResults.runId, runId)))[0]?.n ?? 0;

afterAll(async () => {
  killWorkers();
  await stopQueue();
});

describe("crash safety", () => {
  it("completes with exactly one result per item after a worker is killed with -9 mid-run", async () => {
    await makeUser();
    const ctx = await makeProject();
    const benchmarkId = await makePongBenchmark(ctx, "crash", 600);
    const fake = await startFakeOpenAI({ latencyMs: 40, answer: () => "pong" });
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/crash", name: "Crash", api_url: fake.url }));
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 2 } }),
      "user",
    );

    const first = spawnWorker();
    const deadline = Date.now() + 60_000;
    while ((await countResults(run.id)) < 100) {
      if (Date.now() > deadline) throw new Error("the first worker produced no results");
      await new Promise((r) => setTimeout(r, 100));
    }
    first.kill("SIGKILL");
    const atKill = await countResults(run.id);
    expect(atKill).toBeLessThan(600);

    spawnWorker();
    let status = "";
    while (Date.now() < deadline + 60_000) {
      status = (await getRun(ctx, run.id)).status;
      if (status !== "in_progress" && status !== "scheduled") break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const done = await getRun(ctx, run.id);
    expect(status).toBe("completed");
    expect(await countResults(run.id)).toBe(600);
    expect(done.progress).toMatchObject({ total: 600, done: 600, errors: 0 });
    expect(done.running_score).toMatchObject({ n: 600, passed: 600 });
    await fake.close();
  }, 150_000);
});
