import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProjectCtx } from "@/lib/auth/context";
import { queue, stopQueue } from "@/lib/jobs/queue";
import { listenForWakeups, wakeWorkers } from "@/lib/jobs/wake";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { getRun } from "@/lib/services/runs/read";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { makePongBenchmark } from "../support/benchmarks";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";

let ctx: ProjectCtx;
let fake: FakeOpenAI;

beforeAll(async () => {
  await makeUser();
  ctx = await makeProject();
  fake = await startFakeOpenAI({ answer: () => "pong" });
}, 60_000);

afterAll(async () => {
  await fake.close();
  await stopQueue();
});

describe("worker wake-ups", () => {
  it("a NOTIFY makes an idle pg-boss worker fetch at once instead of at its next poll", async () => {
    const boss = await queue();
    const name = `wake-test-${Date.now()}`;
    await boss.createQueue(name);
    const received: number[] = [];
    // Polls every 30 s: only the wake-up can deliver the job within the test's time.
    const id = await boss.work(name, { pollingIntervalSeconds: 30 }, async () => {
      received.push(Date.now());
    });
    const stopListening = await listenForWakeups(boss, new Map([[name, [id]]]));
    try {
      await new Promise((r) => setTimeout(r, 500)); // the worker's first (empty) fetch is over: it now sleeps
      const sent = Date.now();
      await boss.send(name, {});
      await wakeWorkers(name);
      while (received.length === 0 && Date.now() - sent < 10_000) await new Promise((r) => setTimeout(r, 10));
      expect(received).toHaveLength(1);
      expect((received[0] as number) - sent).toBeLessThan(5_000);
    } finally {
      await stopListening();
      await boss.offWork(name);
    }
  });

  it("small runs go from creation to completed without waiting out polling intervals", async () => {
    const benchmarkId = await makePongBenchmark(ctx, "wake-pong", 5);
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/wake", name: "Wake", api_url: fake.url }));
    const worker = await startWorker();
    try {
      // Start, chunk and finalise jobs each would wait up to the 2 s fallback poll; woken, a run takes ~0.1 s.
      for (let i = 0; i < 3; i++) {
        const started = Date.now();
        const { run } = await createRun(ctx, CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: {} }), "api");
        let status = run.status as string;
        while (status !== "completed" && Date.now() - started < 20_000) {
          await new Promise((r) => setTimeout(r, 10));
          status = (await getRun(ctx, run.id)).status;
        }
        expect(status).toBe("completed");
        expect(Date.now() - started).toBeLessThan(1_000);
      }
    } finally {
      await worker.stop();
    }
  }, 90_000);
});
