import { beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/compare/export/route";
import * as compareRoute from "@/app/api/v1/compare/route";
import { db } from "@/db";
import { RunConfig } from "@/lib/validation/runs";
import { runResults, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { compareRuns, previousRun } from "@/lib/services/reports/compare";
import { CompareQuery } from "@/lib/services/reports/compare-query";
import { compareTask } from "@/lib/services/reports/compare-task";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { makeProject } from "../support/factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();
const tasks = (n: number, salt = "") =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ input: `Q${i}${salt}`, truth: String(i), subset: `s${i % 2}` })).join("\n");

let ctx: ProjectCtx;
let other: ProjectCtx;
let token: string;
const ids = {} as Record<"a" | "b" | "a2" | "numeric" | "v2" | "foreign", string>;

type Sample = { position: number; sample?: number; passed: boolean | null; score: number | null; status?: string; response?: string };

/** A run row plus hand-written results, so every expected count below follows from the data here. */
async function makeRun(project: ProjectCtx, modelId: string, benchmarkId: string, versionId: string, samples: Sample[], createdAt: Date) {
  const [run] = await db
    .insert(runs)
    .values({
      projectId: project.project.id,
      modelId,
      benchmarkId,
      versionId,
      status: "completed",
      origin: "api",
      config: RunConfig.parse({}),
      positions: [],
      totalItems: samples.length,
      createdAt,
    })
    .returning();
  if (!run) throw new Error("no run");
  await db.insert(runResults).values(
    samples.map((s) => ({
      runId: run.id,
      position: s.position,
      sample: s.sample ?? 0,
      taskKey: `k${s.position}`,
      subset: `s${(s.position - 1) % 2}`,
      status: s.status ?? "ok",
      messages: [{ role: "user", content: `Q${s.position - 1}` }],
      requestParams: {},
      responseText: s.response ?? `answer ${s.position}`,
      parsed: s.response ?? `answer ${s.position}`,
      scores: { exact_match: { value: s.score, pass: s.passed ?? undefined, explanation: "compared" } },
      passed: s.passed,
      score: s.score,
    })),
  );
  return run.id;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const passFail = (passing: number[], positions = range(1, 20)) =>
  positions.map((p) => ({ position: p, passed: passing.includes(p), score: passing.includes(p) ? 1 : 0 }));

async function call(handler: Handler, query: string, bearer = token) {
  const response = await handler(
    new Request(`http://localhost/api/v1/compare?${query}`, { headers: { authorization: `Bearer ${bearer}` } }),
    { params: Promise.resolve({}) },
  );
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    disposition: response.headers.get("content-disposition"),
    text: await response.text(),
  };
}

beforeAll(async () => {
  ctx = await makeProject();
  other = await makeProject();
  token = (await createToken(ctx, { name: "viewer", role: "viewer" })).token;
  const sim = (key: string, project: ProjectCtx) =>
    createModel(project, {
      key,
      name: key,
      description: "",
      endpoint_type: "simulated",
      visibility: "custom",
      simulation: { seed: 1, accuracy: 0.5, latencyMs: { mean: 1, stddev: 0 } },
    });
  const [a, b] = [await sim("cmp/alpha", ctx), await sim("cmp/beta", ctx)];
  const v1 = await importBenchmark(
    ctx,
    { create: { key: "cmp-bench", name: "Compare bench", description: "", categories: [], languages: [], visibility: "custom" } },
    bytes(tasks(20)),
    ImportSettings.parse({}),
  );
  const benchmarkId = v1.benchmark?.id as string;
  const v2 = await importBenchmark(ctx, { benchmarkId }, bytes(tasks(20, "-v2")), ImportSettings.parse({}));
  const version1 = v1.version?.id as string;
  const t = (minutes: number) => new Date(Date.UTC(2025, 0, 1, 0, minutes));
  // A passes 1–12, B passes 5–18 and errors on 20: both right 5–12 (8), only A 1–4 (4), only B 13–18 (6), both wrong 19 (1).
  ids.a = await makeRun(ctx, a.id, benchmarkId, version1, passFail(range(1, 12)), t(0));
  ids.b = await makeRun(
    ctx,
    b.id,
    benchmarkId,
    version1,
    [
      ...passFail(range(5, 18), range(1, 19)).map((s) => (s.position === 13 ? { ...s, response: '=HYPERLINK("http://evil")' } : s)),
      { position: 20, passed: null, score: null, status: "error" },
    ],
    t(1),
  );
  // Alpha again, three samples per task: 2 of 3 passes → pass (score ⅔); 1 of 3 → fail.
  ids.a2 = await makeRun(
    ctx,
    a.id,
    benchmarkId,
    version1,
    [1, 2].flatMap((position) =>
      [0, 1, 2].map((sample) => ({ position, sample, passed: sample < 3 - position, score: sample < 3 - position ? 1 : 0 })),
    ),
    t(2),
  );
  ids.numeric = await makeRun(
    ctx,
    b.id,
    benchmarkId,
    version1,
    range(1, 20).map((p) => ({ position: p, passed: null, score: p / 20 })),
    t(3),
  );
  ids.v2 = await makeRun(ctx, a.id, benchmarkId, v2.version?.id as string, passFail([1]), t(4));
  ids.foreign = await makeRun(other, (await sim("cmp/gamma", other)).id, benchmarkId, version1, passFail([1]), t(5));
}, 60_000);

const query = (input: Record<string, unknown>) => CompareQuery.parse(input);

describe("comparing runs", () => {
  it("counts agreement, tests with McNemar and lists the flipped tasks", async () => {
    const result = await compareRuns(ctx, query({ runs: [ids.a, ids.b] }));
    const [cmp] = result.comparisons;
    expect(result.runs.map((r) => r.label)).toEqual(["cmp/alpha", "cmp/beta"]);
    expect(cmp).toMatchObject({
      kind: "pass_fail",
      n: 19,
      agreement: { both_right: 8, only_a: 4, only_b: 6, both_wrong: 1 },
      unpaired: { only_scored_in_a: 1, only_scored_in_b: 0 },
    });
    // scipy.stats.binomtest(4, 10, 0.5).pvalue = 0.75390625
    expect(cmp?.test).toMatchObject({ name: "mcnemar_exact", winner: null, statement: "No significant difference (p = 0.75)" });
    expect(cmp?.test.p).toBeCloseTo(0.75390625, 12);
    // Differences b − a: six +1, four −1, nine 0 → mean 2/19.
    expect(cmp?.difference?.value).toBeCloseTo(2 / 19, 12);
    expect(cmp?.scores).toEqual({ a: 12 / 19, b: 14 / 19 });
    expect(cmp?.subsets.map((s) => [s.subset, s.difference?.n])).toEqual([
      ["s0", 10],
      ["s1", 9],
    ]);
    expect(result.tasks.items.map((t) => [t.position, t.outcome])).toEqual([
      ...range(1, 4).map((p) => [p, "only_a"]),
      ...range(13, 18).map((p) => [p, "only_b"]),
    ]);
    expect(result.tasks.count).toBe(10);
  });

  it("filters and pages the tasks server-side", async () => {
    const onlyB = await compareRuns(ctx, query({ runs: [ids.a, ids.b], filter: "only_b", subset: "s0", per_page: 2, page: 2 }));
    // Only B: 13–18; subset s0 holds odd positions: 13, 15, 17 → page 2 of 2 per page is [17].
    expect(onlyB.tasks).toMatchObject({
      count: 3,
      page: 2,
      items: [{ position: 17, subset: "s0", a: { passed: false }, b: { passed: true } }],
    });
    const wrong = await compareRuns(ctx, query({ runs: `${ids.a},${ids.b}`, filter: "both_wrong" }));
    expect(wrong.tasks.items.map((t) => t.position)).toEqual([19]);
  });

  it("scores several samples per task by mean and majority, and compares each run with the baseline", async () => {
    const result = await compareRuns(ctx, query({ runs: [ids.a, ids.b, ids.a2], vs: ids.a2, filter: "all" }));
    expect(result.comparisons.map((c) => c.run_id)).toEqual([ids.b, ids.a2]);
    // Two paired tasks give a t interval far wider than ±100 points; a difference of pass rates is clipped to [−1, 1].
    expect(result.comparisons[1]?.difference).toMatchObject({ n: 2, value: -0.5, ci: [-1, 1] });
    // The same model twice: labels carry the run's time.
    expect(result.runs.map((r) => r.label)).toEqual(["cmp/alpha (2025-01-01 00:00)", "cmp/beta", "cmp/alpha (2025-01-01 00:02)"]);
    expect(result.tasks.items).toMatchObject([
      { position: 1, outcome: "both_right", b: { score: 2 / 3, passed: true } },
      { position: 2, outcome: "only_a", b: { score: 1 / 3, passed: false } },
    ]);
  });

  it("compares numeric scores with a paired t-test", async () => {
    const [cmp] = (await compareRuns(ctx, query({ runs: [ids.a, ids.numeric] }))).comparisons;
    // A = 1 on 1–12 else 0, B = p/20: B higher on 13–20 (8), A higher on 1–12 (12), never equal.
    expect(cmp).toMatchObject({
      kind: "numeric",
      n: 20,
      agreement: { a_higher: 12, b_higher: 8, same: 0 },
      test: { name: "paired_t", df: 19 },
    });
    // d = p/20 − a: python3 scipy.stats.ttest_rel(b, a) → statistic = -0.43564793491585446, pvalue = 0.6680012823998347
    expect(cmp?.test.statistic).toBeCloseTo(-0.43564793491585446, 8);
    expect(cmp?.test.p).toBeCloseTo(0.6680012823998347, 8);
  });

  it("finds the previous completed run of the same model and version", async () => {
    expect((await previousRun(ctx, ids.a2))?.id).toBe(ids.a);
    expect(await previousRun(ctx, ids.a)).toBeNull();
    await expect(previousRun(other, ids.a)).rejects.toMatchObject({ code: "not_found" });
  });

  it("shows one task side by side", async () => {
    const side = await compareTask(ctx, [ids.a, ids.b], 13);
    expect(side.task).toMatchObject({ truth: "12", subset: "s0" });
    expect(side.runs.map((r) => r.samples.map((s) => s.passed))).toEqual([[false], [true]]);
    expect(side.runs[1]?.samples[0]?.response).toBe('=HYPERLINK("http://evil")');
  });
});

describe("GET /api/v1/compare", () => {
  it("answers with the comparison", async () => {
    const res = await call(compareRoute.GET as Handler, `runs=${ids.a}&runs=${ids.b}&filter=only_a`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).tasks.count).toBe(4);
  });

  it("404s on a run of another project and 400s on another version or bad input, naming the field", async () => {
    const foreign = await call(compareRoute.GET as Handler, `runs=${ids.a}&runs=${ids.foreign}`);
    expect(foreign.status).toBe(404);
    const version = await call(compareRoute.GET as Handler, `runs=${ids.a}&runs=${ids.v2}`);
    expect(version.status).toBe(400);
    expect(JSON.parse(version.text)).toMatchObject({
      detail: expect.stringMatching(/same benchmark version: cmp\/alpha on .+ v1 \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\) and .+ v2 \(/),
      errors: [{ path: "runs" }],
    });
    // Runs are named by model, benchmark and date, never by id.
    expect(version.text).not.toContain(ids.v2);
    const one = await call(compareRoute.GET as Handler, `runs=${ids.a}`);
    expect(JSON.parse(one.text).errors[0]).toMatchObject({ path: "query.runs", message: expect.stringMatching(/at least two/) });
    const twice = await call(compareRoute.GET as Handler, `runs=${ids.a}&runs=${ids.a}`);
    expect(JSON.parse(twice.text).errors[0].message).toMatch(/twice/);
    const filter = await call(compareRoute.GET as Handler, `runs=${ids.a}&runs=${ids.b}&filter=nope`);
    expect(JSON.parse(filter.text).errors[0]).toMatchObject({ path: "query.filter" });
    const vs = await call(compareRoute.GET as Handler, `runs=${ids.a}&runs=${ids.b}&vs=${ids.a}`);
    expect(JSON.parse(vs.text).errors[0]).toMatchObject({ path: "vs" });
  });

  it("exports CSV rows with formula cells escaped, and JSON", async () => {
    const csv = await call(exportRoute.GET as Handler, `runs=${ids.a}&runs=${ids.b}`);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/attachment; filename="compare-cmp-bench-v1-\d{4}-\d\d-\d\d\.csv"/);
    const lines = csv.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "position,task_key,subset,outcome,cmp/alpha passed,cmp/alpha score,cmp/alpha response,cmp/beta passed,cmp/beta score,cmp/beta response",
    );
    expect(lines).toHaveLength(20); // header + 19 paired tasks
    expect(lines[1]).toBe("1,k1,s0,only_a,true,1,answer 1,false,0,answer 1");
    expect(lines[13]).toBe(`13,k13,s0,only_b,false,0,answer 13,true,1,"'=HYPERLINK(""http://evil"")"`);
    const json = await call(exportRoute.GET as Handler, `runs=${ids.a}&runs=${ids.b}&format=json&filter=only_a`);
    const doc = JSON.parse(json.text);
    expect(doc.comparisons[0].agreement.only_a).toBe(4);
    expect(doc.rows.map((r: { position: number }) => r.position)).toEqual([1, 2, 3, 4]);
    expect(doc.rows[0].runs[1]).toEqual({ run_id: ids.b, passed: false, score: 0, response: "answer 1" });
  });
});
