import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/runs/[id]/export/route";
import * as detailRoute from "@/app/api/v1/runs/[id]/results/[position]/route";
import * as resultsRoute from "@/app/api/v1/runs/[id]/results/route";
import * as runRoute from "@/app/api/v1/runs/[id]/route";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { seed } from "@/lib/server/seed/seed";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { AppError } from "@/lib/errors";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { bestAndWorst, hardestSubsets } from "@/lib/services/runs/examples";
import { type ApiResult, listResults } from "@/lib/services/runs/read";
import { getResultDetail } from "@/lib/services/runs/result-detail";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { ListResultsQuery } from "@/lib/validation/run-results";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";
import { type Run, waitForRun } from "../support/runs";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const N = 30;
const FORMULA = "=cmd|' /C calc'!A0";

// Task i asks for i + 1. "easy" (i < 15) is answered right unless i % 3 == 2, "hard" only when i % 3 == 0;
// wrong answers are spreadsheet formulas, to check the CSV escaping.
const isRight = (i: number) => (i < 15 ? i % 3 !== 2 : i % 3 === 0);
const RIGHT = Array.from({ length: N }, (_, i) => i).filter(isRight);

let ctx: ProjectCtx;
let token: string;
let otherToken: string;
let other: ProjectCtx;
let fake: FakeOpenAI;
let worker: Awaited<ReturnType<typeof startWorker>>;
let clean: Run;
let faulty: Run;

async function call(handler: unknown, path: string, params: Record<string, string>, auth = token) {
  const res = await callRoute(handler, path, { token: auth, params });
  return { ...res, disposition: res.headers.get("content-disposition") };
}

const list = (run: Run, query: Record<string, unknown> = {}) =>
  listResults(ctx, run.id, ListResultsQuery.parse({ per_page: 200, ...query }));
const positions = (items: ApiResult[]) => items.map((r) => r.position);

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  other = await makeProject();
  token = (await createToken(ctx, { name: "viewer", role: "viewer" })).token;
  otherToken = (await createToken(other, { name: "other", role: "admin" })).token;
  const rows = Array.from({ length: N }, (_, i) =>
    JSON.stringify({ input: `What is ${i} + 1? Answer with the number.`, truth: String(i + 1), subset: i < 15 ? "easy" : "hard" }),
  ).join("\n");
  const imported = await importBenchmark(
    ctx,
    { create: { key: "report-30", name: "Report", description: "", categories: [], languages: [], visibility: "custom" } },
    bytes(rows),
    ImportSettings.parse({}),
  );
  const benchmarkId = imported.benchmark?.id as string;
  fake = await startFakeOpenAI({
    answer: (body) => {
      const i = Number(/What is (\d+)/.exec(JSON.stringify(body.messages))?.[1]);
      return isRight(i) ? String(i + 1) : FORMULA;
    },
    // Later tasks answer more slowly, so latency order differs from task order only by ties.
    latencyMs: (req) => Number(/What is (\d+)/.exec(JSON.stringify(req.body))?.[1] ?? 0) % 7,
  });
  worker = await startWorker();
  const model = await createModel(ctx, CreateModel.parse({ key: "fake/report", name: "Fake report", api_url: fake.url }));
  const start = (config: Record<string, unknown>) =>
    createRun(ctx, CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config }), "user");
  clean = await waitForRun(ctx, (await start({ concurrency: 4, metrics: ["response_length"] })).run.id);
  fake.setOptions({ faults: { rate: 0.3, kinds: ["500"], seed: 11 }, retryAfterSeconds: 0 });
  faulty = await waitForRun(ctx, (await start({ concurrency: 4, max_attempts: 1 })).run.id);
  fake.setOptions({ faults: undefined });
}, 120_000);

afterAll(async () => {
  await worker.stop();
  await fake.close();
});

describe("run report: the result list", () => {
  it("counts every result without filters and pages through them in task order", async () => {
    expect(clean.status).toBe("completed");
    const first = await listResults(ctx, clean.id, ListResultsQuery.parse({ per_page: 10 }));
    expect(first.count).toBe(N);
    expect(positions(first.items)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const third = await listResults(ctx, clean.id, ListResultsQuery.parse({ per_page: 10, page: 3 }));
    expect(positions(third.items)).toEqual([21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
    // The list leaves out the bulky columns; the drill-down has them.
    expect(first.items[0]).not.toHaveProperty("messages");
    // Each result carries its task's question and truth, and counts samples from 0 as the exports do.
    expect(first.items[2]).toMatchObject({ position: 3, sample: 0, question: "What is 2 + 1? Answer with the number.", truth: "3" });
  });

  it("filters by outcome, subset and a scorer's pass or value range", async () => {
    const correct = await list(clean, { outcome: "correct" });
    expect(positions(correct.items)).toEqual(RIGHT.map((i) => i + 1));
    expect(correct.count).toBe(RIGHT.length);
    const incorrect = await list(clean, { outcome: "incorrect" });
    expect(incorrect.count).toBe(N - RIGHT.length);
    expect(incorrect.items.every((r) => r.response_text === FORMULA && r.passed === false)).toBe(true);
    expect((await list(clean, { outcome: "error" })).count).toBe(0);

    const hardCorrect = await list(clean, { outcome: "correct", subset: "hard" });
    expect(positions(hardCorrect.items)).toEqual(RIGHT.filter((i) => i >= 15).map((i) => i + 1));

    expect(positions((await list(clean, { scorer: "exact_match", pass: "true" })).items)).toEqual(positions(correct.items));
    // response_length is numeric: the formula answers are 18 characters, the right ones at most 2.
    const long = await list(clean, { scorer: "response_length", min: "10" });
    expect(positions(long.items)).toEqual(positions(incorrect.items));
    expect((await list(clean, { scorer: "response_length", min: "1", max: "2" })).count).toBe(RIGHT.length);
    expect((await list(clean, { scorer: "no_such_scorer" })).count).toBe(0);
  });

  it("finds the model's failed calls under outcome=error", async () => {
    const errors = await list(faulty, { outcome: "error" });
    expect(faulty.progress.errors).toBeGreaterThan(0);
    expect(errors.count).toBe(faulty.progress.errors);
    expect(errors.items.every((r) => r.status === "error" && r.error)).toBe(true);
    const answered = (await list(faulty, { outcome: "correct" })).count + (await list(faulty, { outcome: "incorrect" })).count;
    expect(answered + errors.count).toBe(N);
  });

  it("searches response text and task keys, matching % and _ literally", async () => {
    expect((await list(clean, { q: "CALC" })).count).toBe(N - RIGHT.length);
    expect((await list(clean, { q: "%" })).count).toBe(0);
    const key = (await list(clean)).items[4]?.task_key as string;
    expect(positions((await list(clean, { q: key.slice(0, 12) })).items)).toEqual([5]);
  });

  it("sorts by latency or score in either direction, ties in task order", async () => {
    const byLatency = (await list(clean, { sort: "latency", order: "desc" })).items;
    const latencies = byLatency.map((r) => r.latency_ms as number);
    expect(latencies).toEqual([...latencies].sort((a, b) => b - a));
    const byScore = (await list(clean, { sort: "score", order: "asc" })).items;
    expect(byScore.slice(0, N - RIGHT.length).every((r) => r.score === 0)).toBe(true);
    expect(positions(byScore.slice(0, 3))).toEqual(positions((await list(clean, { outcome: "incorrect" })).items.slice(0, 3)));
    expect(positions((await list(clean, { sort: "position", order: "desc" })).items).slice(0, 2)).toEqual([30, 29]);
  });

  it("serves the same list over REST, and names the bad field", async () => {
    const ok = await call(resultsRoute.GET, `/api/v1/runs/${clean.id}/results?outcome=incorrect&subset=easy&per_page=2`, { id: clean.id });
    expect(ok.status).toBe(200);
    const body = JSON.parse(ok.text) as { items: ApiResult[]; count: number };
    expect(body.count).toBe(5);
    expect(body.items).toHaveLength(2);
    const bad = await call(resultsRoute.GET, `/api/v1/runs/${clean.id}/results?outcome=maybe&pass=true`, { id: clean.id });
    expect(bad.status).toBe(400);
    const paths = (JSON.parse(bad.text) as { errors: { path: string; message: string }[] }).errors.map((e) => e.path);
    expect(paths).toContain("query.outcome");
    const noScorer = await call(resultsRoute.GET, `/api/v1/runs/${clean.id}/results?pass=true`, { id: clean.id });
    expect(JSON.parse(noScorer.text).errors).toEqual([{ path: "query.pass", message: "pass needs a scorer" }]);
  });
});

describe("run report: drill-down, examples and export", () => {
  it("shows one result in full with its task, every scorer and its neighbours", async () => {
    const detail = await getResultDetail(ctx, clean.id, { position: 3, sample: 0 });
    expect(detail.messages.at(-1)?.content).toContain("What is 2 + 1?");
    expect(detail.response_text).toBe(FORMULA);
    expect(detail.task?.truth).toBe("3");
    expect(Object.keys(detail.scores).sort()).toEqual(["exact_match", "response_length"]);
    expect(detail.scores.exact_match).toMatchObject({ pass: false });
    expect(detail.raw_response).toBeTruthy();
    expect(detail.prev).toEqual({ position: 2, sample: 0 });
    expect(detail.next).toEqual({ position: 4, sample: 0 });
    const first = await getResultDetail(ctx, clean.id, { position: 1, sample: 0 });
    expect(first.prev).toBeNull();

    const viaRest = await call(detailRoute.GET, `/api/v1/runs/${clean.id}/results/3?sample=0`, { id: clean.id, position: "3" });
    expect(JSON.parse(viaRest.text)).toMatchObject({ position: 3, sample: 0, task: { truth: "3" } });
    expect((await call(detailRoute.GET, `/api/v1/runs/${clean.id}/results/3?sample=1`, { id: clean.id, position: "3" })).status).toBe(404);
    const bad = await call(detailRoute.GET, `/api/v1/runs/${clean.id}/results/0?sample=x`, { id: clean.id, position: "0" });
    expect(bad.status).toBe(400);
  });

  it("picks best and worst examples and the hardest subsets", async () => {
    const { best, worst } = await bestAndWorst(ctx, clean.id);
    expect(best.every((r) => r.score === 1)).toBe(true);
    expect(worst.every((r) => r.score === 0)).toBe(true);
    expect(worst.map((r) => r.position)).toEqual([3, 6, 9]);
    const summary = clean.summary as { primary: { by_subset: Parameters<typeof hardestSubsets>[0] } };
    expect(hardestSubsets(summary.primary.by_subset).map((s) => s.subset)).toEqual(["hard", "easy"]);
  });

  it("exports the filtered results as CSV with formula cells escaped, and as JSONL", async () => {
    const csv = await call(exportRoute.GET, `/api/v1/runs/${clean.id}/export?format=csv&outcome=incorrect`, { id: clean.id });
    expect(csv.status).toBe(200);
    expect(csv.type).toContain("text/csv");
    expect(csv.disposition).toMatch(/attachment; filename="run-[0-9a-f]{8}-results\.csv"/);
    const records = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(N - RIGHT.length);
    expect(records[0]).toMatchObject({
      position: "3",
      sample: "0",
      question: "What is 2 + 1? Answer with the number.",
      truth: "3",
      status: "ok",
      passed: "false",
      response_text: `'${FORMULA}`,
      "exact_match.pass": "false",
    });
    expect(Object.keys(records[0] ?? {})).toContain("response_length.value");

    const jsonl = await call(exportRoute.GET, `/api/v1/runs/${clean.id}/export?format=jsonl`, { id: clean.id });
    const lines = jsonl.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ApiResult & { messages: unknown[] });
    expect(lines.map((l) => l.position)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(lines[0]?.messages.length).toBeGreaterThan(0);
    expect(lines[2]?.response_text).toBe(FORMULA);
    const json = await call(exportRoute.GET, `/api/v1/runs/${clean.id}/export?format=json&outcome=incorrect`, { id: clean.id });
    expect(json.type).toContain("application/json");
    const document = JSON.parse(json.text) as { run_id: string; filters: { outcome: string }; results: ApiResult[] };
    expect(document).toMatchObject({ run_id: clean.id, filters: { outcome: "incorrect" } });
    expect(document.results.map((r) => r.position)).toEqual(records.map((r) => Number(r.position)));

    expect((await call(exportRoute.GET, `/api/v1/runs/${clean.id}/export?format=xlsx`, { id: clean.id })).status).toBe(400);
  });

  it("keeps a note on a run: members set and clear it (audited), viewers get 403, other projects 404", async () => {
    const member = (await createToken(ctx, { name: "member", role: "member" })).token;
    const patch = (body: unknown, auth: string) =>
      callRoute(runRoute.PATCH, `/api/v1/runs/${clean.id}`, { method: "PATCH", token: auth, body, params: { id: clean.id } });
    expect((await patch({ note: "Baseline before the prompt change" }, member)).json).toMatchObject({
      note: "Baseline before the prompt change",
    });
    expect((await callRoute(runRoute.GET, `/api/v1/runs/${clean.id}`, { token, params: { id: clean.id } })).json).toMatchObject({
      note: "Baseline before the prompt change",
    });
    expect((await patch({ note: "x" }, token)).status).toBe(403);
    expect((await patch({ note: "x" }, otherToken)).status).toBe(404);
    const tooLong = await patch({ note: "x".repeat(2001) }, member);
    expect(tooLong.status).toBe(400);
    expect((tooLong.json as { errors: { path: string }[] }).errors[0]?.path).toBe("note");
    expect((await patch({ note: null }, member)).json).toMatchObject({ note: null });
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.resourceId, clean.id), eq(auditLog.action, "run.note")));
    expect(audit).toHaveLength(2);
  });

  it("answers 404 for another project's run on every route and service", async () => {
    const id = clean.id;
    for (const [handler, path, params] of [
      [resultsRoute.GET, `/api/v1/runs/${id}/results`, { id }],
      [detailRoute.GET, `/api/v1/runs/${id}/results/1`, { id, position: "1" }],
      [exportRoute.GET, `/api/v1/runs/${id}/export`, { id }],
    ] as const) {
      expect((await call(handler, path, params, otherToken)).status).toBe(404);
    }
    expect((await failure(getResultDetail(other, id, { position: 1, sample: 0 })))?.code).toBe("not_found");
    expect((await failure(bestAndWorst(other, id)))?.code).toBe("not_found");
  });
});
