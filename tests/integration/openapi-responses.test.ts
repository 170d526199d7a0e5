import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as benchmarkRoute from "@/app/api/v1/benchmarks/[id]/route";
import * as benchmarksRoute from "@/app/api/v1/benchmarks/route";
import * as compareRoute from "@/app/api/v1/compare/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { startWorker } from "@/lib/worker";
import { makeProject, makeUser } from "../support/factories";
import { expectDocumentedResponse } from "../support/openapi";
import { callRoute } from "../support/route-call";

let token: string;
let modelId: string;
let benchmarkId: string;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  const ctx = await makeProject();
  token = (await createToken(ctx, { name: "t", role: "member" })).token;
  const simulation = { seed: 1, accuracy: 0.7, latencyMs: { mean: 1, stddev: 0 } };
  modelId = (
    await createModel(ctx, { key: "sim/doc", name: "Sim", description: "", endpoint_type: "simulated", visibility: "custom", simulation })
  ).id;
  const rows = Array.from({ length: 20 }, (_, i) => JSON.stringify({ input: `${i} + 1 = ?`, truth: String(i + 1) })).join("\n");
  const imported = await importBenchmark(
    ctx,
    { create: { key: `doc-${Date.now()}`, name: "Doc", description: "", categories: [], languages: [], visibility: "custom" } },
    (async function* () {
      yield Buffer.from(rows);
    })(),
    ImportSettings.parse({}),
  );
  benchmarkId = imported.benchmark?.id as string;
  worker = await startWorker();
}, 60_000);

afterAll(async () => worker.stop());

async function waitDone(id: string) {
  for (let i = 0; i < 150; i++) {
    const run = await callRoute(runRoute.GET, `/api/v1/runs/${id}`, { token, params: { id } });
    if ((run.json as { status: string }).status === "completed") return run;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("run did not complete");
}

describe("responses match the OpenAPI document (Ajv)", () => {
  it("models, benchmarks, runs, a run, a comparison and a problem", async () => {
    const models = await callRoute(modelsRoute.GET, "/api/v1/models", { token });
    await expectDocumentedResponse("GET", "/api/v1/models", 200, models.json);
    const benchmarks = await callRoute(benchmarksRoute.GET, "/api/v1/benchmarks", { token });
    await expectDocumentedResponse("GET", "/api/v1/benchmarks", 200, benchmarks.json);
    const benchmark = await callRoute(benchmarkRoute.GET, `/api/v1/benchmarks/${benchmarkId}`, { token, params: { id: benchmarkId } });
    await expectDocumentedResponse("GET", "/api/v1/benchmarks/{id}", 200, benchmark.json);

    const ids: string[] = [];
    for (const seed of [1, 2]) {
      const body = { model_id: modelId, benchmark_id: benchmarkId, config: { seed } };
      const created = await callRoute(runsRoute.POST, "/api/v1/runs", { token, method: "POST", body });
      expect(created.status).toBe(201);
      await expectDocumentedResponse("POST", "/api/v1/runs", 200, created.json);
      ids.push((created.json as { id: string }).id);
    }
    for (const id of ids) await expectDocumentedResponse("GET", "/api/v1/runs/{id}", 200, (await waitDone(id)).json);
    await expectDocumentedResponse("GET", "/api/v1/runs", 200, (await callRoute(runsRoute.GET, "/api/v1/runs", { token })).json);
    const compare = await callRoute(compareRoute.GET, `/api/v1/compare?runs=${ids.join(",")}`, { token });
    expect(compare.status).toBe(200);
    await expectDocumentedResponse("GET", "/api/v1/compare", 200, compare.json);

    const missing = await callRoute(runRoute.GET, "/api/v1/runs/00000000-0000-4000-8000-000000000000", {
      token,
      params: { id: "00000000-0000-4000-8000-000000000000" },
    });
    expect(missing.status).toBe(404);
    await expectDocumentedResponse("GET", "/api/v1/runs/{id}", 404, missing.json);
  });

  it("fails when a body does not match", async () => {
    await expect(expectDocumentedResponse("GET", "/api/v1/runs/{id}", 200, { id: "x" })).rejects.toThrow(/runs\/\{id\} 200/);
  });
});
