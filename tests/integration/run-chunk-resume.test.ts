import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { runChunk } from "@/lib/jobs/run-chunk";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
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
});

describe("a chunk job", () => {
  it("calls the model only for the (task, sample) items without a result, and finalises the run it finishes", async () => {
    const benchmarkId = await makePongBenchmark(ctx, "resume-pong", 3);
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/resume", name: "Resume", api_url: fake.url }));
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { samples_per_task: 2 } }),
      "api",
    );
    const [row] = await db.update(runs).set({ status: "in_progress" }).where(eq(runs.id, run.id)).returning();
    const job = { runId: run.id, positions: row?.positions ?? [] };
    const calls = () => fake.requests.filter((r) => r.path.endsWith("/chat/completions")).length;

    await runChunk(job);
    expect(calls()).toBe(6);
    const [completed] = await db.select().from(runs).where(eq(runs.id, run.id));
    expect(completed?.status).toBe("completed");
    expect(completed?.summary).not.toBeNull();

    // Redelivered after a crash that lost one sample's result: only that one is asked again.
    const position = job.positions[1] as number;
    await db.delete(runResults).where(and(eq(runResults.runId, run.id), eq(runResults.position, position), eq(runResults.sample, 1)));
    await db.update(runs).set({ status: "in_progress" }).where(eq(runs.id, run.id));
    await runChunk(job);
    expect(calls()).toBe(7);
    const results = await db.select().from(runResults).where(eq(runResults.runId, run.id));
    expect(results.map((r) => `${r.position}:${r.sample}`).sort()).toEqual(job.positions.flatMap((p) => [`${p}:0`, `${p}:1`]).sort());
  });
});
