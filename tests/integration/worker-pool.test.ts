import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { stopQueue } from "@/lib/jobs/queue";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { makePongBenchmark } from "../support/benchmarks";
import { startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { waitForRun } from "../support/runs";
import { killWorkers, spawnWorker } from "../support/worker-process";

const childrenOf = (pid: number) => readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
/** Running, not merely unreaped: an orphan's zombie waits for whichever process adopted it. */
const alive = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] !== "Z";
  } catch {
    return false;
  }
};
const until = async (condition: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return condition();
};

afterAll(async () => {
  killWorkers();
  await stopQueue();
});

describe("YARDSTICK_WORKERS", () => {
  it("runs that many worker processes which together keep to a run's concurrency, and stop with their parent", async () => {
    await makeUser();
    const ctx = await makeProject();
    const benchmarkId = await makePongBenchmark(ctx, "pool", 400);
    const fake = await startFakeOpenAI({ latencyMs: 20, answer: () => "pong" });
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/pool", name: "Pool", api_url: fake.url }));
    // Chunks of 200: the run's two chunks are taken one by each process.
    const parent = spawnWorker({ YARDSTICK_WORKERS: "2", YARDSTICK_WORKER_CHUNKS: "1", YARDSTICK_JOB_EXPIRE_SECONDS: "60" });
    expect(await until(() => childrenOf(parent.pid as number).length === 2, 30_000)).toBe(true);
    const children = childrenOf(parent.pid as number);
    await new Promise((r) => setTimeout(r, 3_000)); // both children listening
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 6 } }),
      "user",
    );
    const done = await waitForRun(ctx, run.id, undefined, 90_000);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({ total: 400, done: 400 });
    // Each process alone would allow 6; as a pool of two they allow 3 each.
    expect(fake.maxInFlight()).toBeLessThanOrEqual(6);
    expect(fake.maxInFlight()).toBeGreaterThan(3);

    parent.kill("SIGKILL");
    expect(await until(() => children.every((pid) => !alive(pid)), 30_000)).toBe(true);
    await fake.close();
  }, 150_000);
});
