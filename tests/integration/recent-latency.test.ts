import { RunConfig } from "@/lib/validation/runs";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { recentMedianLatency } from "@/lib/services/models/latency";
import { createModel } from "@/lib/services/models/write";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { makeProject } from "../support/factories";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();

async function runWithLatencies(
  ctx: ProjectCtx,
  modelId: string,
  benchmarkId: string,
  versionId: string,
  latencies: (number | null)[],
  minute: number,
) {
  const [run] = await db
    .insert(runs)
    .values({
      projectId: ctx.project.id,
      modelId,
      benchmarkId,
      versionId,
      status: "completed",
      origin: "api",
      config: RunConfig.parse({}),
      positions: [],
      totalItems: latencies.length,
      createdAt: new Date(Date.UTC(2025, 0, 1, 0, minute)),
    })
    .returning();
  await db.insert(runResults).values(
    latencies.map((latencyMs, i) => ({
      runId: run?.id as string,
      position: i + 1,
      sample: 0,
      taskKey: `k${i}`,
      status: latencyMs === null ? ("error" as const) : ("ok" as const),
      messages: [],
      requestParams: {},
      scores: {},
      latencyMs,
    })),
  );
}

describe("recentMedianLatency", () => {
  it("is the median of the model's successful calls in its last five runs of this project", async () => {
    const ctx = await makeProject();
    const other = await makeProject();
    const imported = await importBenchmark(
      ctx,
      { create: { key: "lat", name: "Latency", description: "", categories: [], languages: [], visibility: "custom" } },
      bytes('{"input":"q","truth":"a"}\n'),
      ImportSettings.parse({}),
    );
    const benchmarkId = imported.benchmark?.id as string;
    const versionId = imported.version?.id as string;
    const model = await createModel(ctx, CreateModel.parse({ key: "lat/model", name: "Lat", api_url: "http://127.0.0.1:1/v1" }));
    const idle = await createModel(ctx, CreateModel.parse({ key: "lat/idle", name: "Idle", api_url: "http://127.0.0.1:1/v1" }));
    // The oldest run (minute 0) falls outside the last five; errors carry no latency that counts.
    await runWithLatencies(ctx, model.id, benchmarkId, versionId, [90_000, 90_000, 90_000], 0);
    for (let minute = 1; minute <= 4; minute++) await runWithLatencies(ctx, model.id, benchmarkId, versionId, [100, 300], minute);
    await runWithLatencies(ctx, model.id, benchmarkId, versionId, [200, 400, null], 5);
    // Calls 100, 300 (×4), 200, 400: ten values, median (200 + 300) / 2 = 250.
    const latest = await recentMedianLatency(ctx, [model.id, idle.id]);
    expect(latest.get(model.id)).toEqual({ median_ms: 250, n: 10 });
    expect(latest.has(idle.id)).toBe(false);
    expect((await recentMedianLatency(other, [model.id])).size).toBe(0);
  });
});
