import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as publicRoute from "@/app/api/v1/leaderboard/public/route";
import * as leaderboardRoute from "@/app/api/v1/leaderboard/route";
import * as publishRoute from "@/app/api/v1/runs/[id]/publish/route";
import { db } from "@/db";
import { models, runs as runTable, taskOutcomes } from "@/db/schema";
import { finalizeRun } from "@/lib/jobs/finalize";
import { runChunk } from "@/lib/jobs/run-chunk";
import { seed } from "@/lib/server/seed/seed";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { Leaderboard } from "@/lib/reports/leaderboard";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { benchmarkLeaderboard } from "@/lib/services/reports/leaderboard";
import { modelHistory } from "@/lib/services/reports/model-history";
import { taskDifficulty } from "@/lib/services/reports/task-difficulty";
import { createRun } from "@/lib/services/runs/create";
import { canPublish } from "@/lib/services/runs/publish";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { addMember, makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";
import { type Run, waitForRun } from "../support/runs";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();

let ctx: ProjectCtx;
let other: ProjectCtx;
let token: string;
let viewerToken: string;
let worker: Awaited<ReturnType<typeof startWorker>>;
let publicBenchmarkId: string;
const runs: Record<string, Run> = {};
const modelIds: Record<string, string> = {};

async function benchmark(key: string, visibility: "public" | "custom", categories: string[]) {
  const rows = Array.from({ length: 200 }, (_, i) =>
    JSON.stringify({ input: `Question ${i}`, truth: `answer ${i}`, subset: i % 2 ? "odd" : "even" }),
  ).join("\n");
  const imported = await importBenchmark(
    ctx,
    { create: { key, name: key, description: "", categories, languages: [], visibility } },
    bytes(rows),
    ImportSettings.parse({}),
  );
  return imported.benchmark?.id as string;
}

beforeAll(async () => {
  const admin = await makeUser({ admin: true });
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject(admin);
  other = await makeProject();
  token = (await createToken(ctx, { name: "owner", role: "admin" })).token;
  viewerToken = (await createToken(await addMember(ctx, "viewer"), { name: "viewer", role: "viewer" })).token;
  for (const key of ["yardstick/sim-strong", "yardstick/sim-weak"]) {
    const [m] = await db.select({ id: models.id }).from(models).where(eq(models.key, key));
    modelIds[key] = m?.id as string;
  }
  const pub = await benchmark("lb/public", "public", ["reasoning"]);
  publicBenchmarkId = pub;
  const own = await benchmark("lb/own", "custom", ["knowledge"]);
  worker = await startWorker();
  const started: Record<string, string> = {};
  for (const [name, benchmarkId] of [
    ["pub", pub],
    ["own", own],
  ] as const) {
    for (const model of Object.keys(modelIds)) {
      const { run } = await createRun(
        ctx,
        CreateRun.parse({ model_id: modelIds[model], benchmark_id: benchmarkId, config: { concurrency: 16 } }),
        "api",
      );
      started[`${model}:${name}`] = run.id;
    }
  }
  for (const [key, id] of Object.entries(started)) runs[key] = await waitForRun(ctx, id);
}, 120_000);

afterAll(async () => {
  await worker?.stop();
});

const primary = (run: Run) => (run.summary as { primary: { overall: { value: number; ci: [number, number]; n: number } } }).primary.overall;

describe("leaderboard", () => {
  it("shows each pair's latest run with the stored aggregate, ranked with uncertainty", async () => {
    const res = await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard", { token: viewerToken });
    expect(res.status).toBe(200);
    const board = res.json as Leaderboard;
    expect(board.benchmarks.map((b) => b.name)).toEqual(["lb/own", "lb/public"]);
    const [first, second] = board.rows;
    expect(first?.model.name).toBe("Simulated Strong (85%)");
    for (const [row, key] of [
      [first, "yardstick/sim-strong"],
      [second, "yardstick/sim-weak"],
    ] as const) {
      const stored = primary(runs[`${key}:pub`] as Run);
      const cell = row?.cells[board.benchmarks[1]?.id as string];
      expect(cell).toMatchObject({ run_id: runs[`${key}:pub`]?.id, value: stored.value, ci: stored.ci, n: 200, provisional: false });
    }
    // 85% vs 60% on 200 tasks: the intervals do not overlap, so the ranks differ.
    expect([first?.rank, second?.rank]).toEqual([1, 2]);
    expect(first?.average?.k).toBe(2);
  });

  it("filters by benchmark category and model company, and sorts by any column", async () => {
    const byCategory = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard?category=knowledge", { token })).json as Leaderboard;
    expect(byCategory.benchmarks.map((b) => b.name)).toEqual(["lb/own"]);
    const none = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard?company=Nobody", { token })).json as Leaderboard;
    expect(none.rows).toEqual([]);
    const cheapFirst = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard?sort=cost", { token })).json as Leaderboard;
    expect(cheapFirst.rows[0]?.model.name).toBe("Simulated Weak (60%)");
    expect(cheapFirst.dir).toBe("asc");
  });

  it("exports CSV with one row per model", async () => {
    const res = await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard?format=csv", { token });
    expect(res.type).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toContain(".csv");
    const rows = parse(res.text, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.rank, r.model])).toEqual([
      ["1", "Simulated Strong (85%)"],
      ["2", "Simulated Weak (60%)"],
    ]);
    expect(Number(rows[0]?.["lb/public: score"])).toBeCloseTo(primary(runs["yardstick/sim-strong:pub"] as Run).value, 12);
  });

  it("keeps another project's runs out of its leaderboard", async () => {
    const otherToken = (await createToken(other, { name: "o", role: "admin" })).token;
    const board = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard", { token: otherToken })).json as Leaderboard;
    expect(board.rows).toEqual([]);
  });

  it("publishes to the instance leaderboard only public pairs, by a project admin", async () => {
    const strongPub = runs["yardstick/sim-strong:pub"] as Run;
    const publish = (run: Run, t = token) =>
      callRoute(publishRoute.POST, `/api/v1/runs/${run.id}/publish`, {
        token: t,
        method: "POST",
        body: { published: true },
        params: { id: run.id },
      });
    expect(await canPublish(ctx, strongPub.id)).toBe(true);
    expect(await canPublish(ctx, (runs["yardstick/sim-strong:own"] as Run).id)).toBe(false);
    expect((await publish(strongPub, viewerToken)).status).toBe(403);
    const refused = await publish(runs["yardstick/sim-strong:own"] as Run);
    expect(refused.status).toBe(409);
    expect((refused.json as { detail: string }).detail).toContain("public benchmark");
    expect((await callRoute(publicRoute.GET, "/api/v1/leaderboard/public", { token })).json).toMatchObject({ rows: [] });
    expect((await publish(strongPub)).status).toBe(200);
    const board = (await callRoute(publicRoute.GET, "/api/v1/leaderboard/public", { token: viewerToken })).json as Leaderboard;
    expect(board.rows.map((r) => r.model.name)).toEqual(["Simulated Strong (85%)"]);
    expect(board.benchmarks.map((b) => b.name)).toEqual(["lb/public"]);
  });

  it("tallies each completed run's tasks once for the benchmark's hardest-task view", async () => {
    const rows = await db
      .select()
      .from(taskOutcomes)
      .where(eq(taskOutcomes.modelId, modelIds["yardstick/sim-strong"] as string));
    // Two benchmarks × 200 tasks, each evaluated once by this model.
    expect(rows).toHaveLength(400);
    expect(rows.every((r) => r.evaluated === 1)).toBe(true);
    expect(rows.reduce((n, r) => n + r.correct, 0)).toBe(
      (runs["yardstick/sim-strong:pub"]?.running_score.passed ?? 0) + (runs["yardstick/sim-strong:own"]?.running_score.passed ?? 0),
    );
  });

  it("finds the hardest tasks and the ones every model fails, from this project's runs only", async () => {
    const { version, hardest, unsolved } = await taskDifficulty(ctx, publicBenchmarkId, 1);
    expect(version).toBe(1);
    expect(hardest.map((t) => t.rate)).toEqual([...hardest.map((t) => t.rate)].sort((a, b) => a - b));
    // Strong (85%) and weak (60%) simulated models both miss some tasks: those are listed as unsolved.
    expect(unsolved.length).toBeGreaterThan(0);
    expect(unsolved.every((t) => t.correct === 0 && t.models === 2 && t.evaluated === 2)).toBe(true);
    // Each lists its question, not only the content hash.
    expect(hardest.every((t) => t.question === `Question ${t.position - 1}`)).toBe(true);
    const elsewhere = await taskDifficulty(other, publicBenchmarkId, 1);
    expect([elsewhere.hardest, elsewhere.unsolved]).toEqual([[], []]);
  });

  it("ranks the models on one benchmark and tracks a model's score per benchmark over time", async () => {
    const board = await benchmarkLeaderboard(ctx, publicBenchmarkId);
    expect(board.rows.map((r) => r.model.name)).toEqual(["Simulated Strong (85%)", "Simulated Weak (60%)"]);
    const strong = modelIds["yardstick/sim-strong"] as string;
    const history = await modelHistory(ctx, strong);
    expect(history.map((h) => [h.benchmark.name, h.points.length])).toEqual([
      ["lb/own", 1],
      ["lb/public", 1],
    ]);
    expect(history[1]?.points[0]?.value).toBe(primary(runs["yardstick/sim-strong:pub"] as Run).value);
  });

  const weakRun = () => runs["yardstick/sim-weak:own"] as Run;
  const tallied = async () =>
    (
      await db
        .select()
        .from(taskOutcomes)
        .where(eq(taskOutcomes.modelId, modelIds["yardstick/sim-weak"] as string))
    ).reduce((n, r) => n + r.evaluated, 0);
  /** As if the worker died between completing the run and recording its outcomes. */
  const loseTallies = async (run: Run) => {
    await db.update(runTable).set({ outcomesRecordedAt: null }).where(eq(runTable.id, run.id));
    await db
      .delete(taskOutcomes)
      .where(
        eq(
          taskOutcomes.versionId,
          (await db.select({ v: runTable.versionId }).from(runTable).where(eq(runTable.id, run.id)))[0]?.v as string,
        ),
      );
  };

  it("records a completed run's tallies once, also when a redelivered finalise job finds them missing", async () => {
    const run = weakRun();
    expect(await tallied()).toBe(400);
    await loseTallies(run);
    await finalizeRun({ runId: run.id });
    await finalizeRun({ runId: run.id });
    const rows = await db
      .select()
      .from(taskOutcomes)
      .where(eq(taskOutcomes.modelId, modelIds["yardstick/sim-weak"] as string));
    expect(rows).toHaveLength(400);
    expect(await tallied()).toBe(400);
  });

  it("records them when the chunk that completed the run is redelivered (chunks finalise their run)", async () => {
    const run = weakRun();
    await loseTallies(run);
    expect(await tallied()).toBe(200); // only the other benchmark's run's
    await runChunk({ runId: run.id, positions: [1] });
    expect(await tallied()).toBe(400);
  });
});
