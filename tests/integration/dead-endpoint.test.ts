import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectCtx } from "@/lib/auth/context";
import { DOWN_AFTER } from "@/lib/jobs/endpoint-health";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { makePongBenchmark } from "../support/benchmarks";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { waitForRun } from "../support/runs";

let ctx: ProjectCtx;
let benchmarkId: string;
let fake: FakeOpenAI;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  await makeUser();
  ctx = await makeProject();
  // 600 tasks: three chunks, so chunks run side by side and the old per-chunk check would have let far more through.
  benchmarkId = await makePongBenchmark(ctx, "dead", 600);
  fake = await startFakeOpenAI({ latencyMs: 20 });
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await fake.close();
});

describe("a dead endpoint", () => {
  it("fails the run at its 20th failed call, with at most the in-flight calls more", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["429", "500", "truncated"], seed: 5 } });
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/dead", name: "Dead", api_url: fake.url }));
    const concurrency = 4;
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency, max_attempts: 3 } }),
      "user",
    );
    const done = await waitForRun(ctx, run.id);
    const calls = fake.requests.length;
    // Calls that were already in flight still land; nothing starts after the run failed.
    await new Promise((r) => setTimeout(r, 1_000));
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(/^The model endpoint failed on every one of the first 20 calls: /);
    expect(calls).toBeGreaterThanOrEqual(DOWN_AFTER);
    expect(fake.requests.length).toBeLessThanOrEqual(DOWN_AFTER + concurrency);
  });

  it("keeps counting only until a call succeeds: later failures do not fail the run", async () => {
    fake.setOptions({ faults: undefined });
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/flaky", name: "Flaky", api_url: fake.url }));
    const before = fake.requests.length;
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 4, max_attempts: 1, num_examples: 60 } }),
      "user",
    );
    // The first calls succeed, then the endpoint breaks for good.
    while (fake.requests.length < before + 5) await new Promise((r) => setTimeout(r, 10));
    fake.setOptions({ faults: { rate: 1, kinds: ["500"] } });
    const done = await waitForRun(ctx, run.id);
    fake.setOptions({ faults: undefined });
    expect(done.status).toBe("completed");
    expect(done.progress.errors).toBeGreaterThan(DOWN_AFTER);
  });
});
