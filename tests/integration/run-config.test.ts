import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as runsRoute from "@/app/api/v1/runs/route";
import { db } from "@/db";
import { runResults } from "@/db/schema";
import { seed } from "@/lib/server/seed/seed";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { cancelRun } from "@/lib/services/runs/cancel";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { startWorker } from "@/lib/worker";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { waitForRun } from "../support/runs";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();

let ctx: ProjectCtx;
let token: string;
let benchmarkId: string;
let fake: FakeOpenAI;

// The real POST /api/v1/runs handler with a member's API token, as a script would call it.
async function post(body: unknown) {
  const request = new Request("http://localhost/api/v1/runs", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  const response = await runsRoute.POST(request, { params: Promise.resolve({}) });
  return { status: response.status, json: await response.json() };
}

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "script", role: "member" })).token;
  // Six sums in two subsets; `w` (kept as task metadata) weights the tasks 1, 2, 3, 1, 2, 3.
  const rows = Array.from({ length: 6 }, (_, i) =>
    JSON.stringify({ input: `What is ${i} + 1?`, truth: String(i + 1), subset: i < 3 ? "low" : "high", w: (i % 3) + 1 }),
  ).join("\n");
  const imported = await importBenchmark(
    ctx,
    { create: { key: "sums-6", name: "Sums", description: "", categories: [], languages: [], visibility: "custom" } },
    bytes(rows),
    ImportSettings.parse({}),
  );
  benchmarkId = imported.benchmark?.id as string;
  // Reasons first, then states the answer after "####"; the sum is wrong for 4 + 1 and 5 + 1.
  fake = await startFakeOpenAI({
    answer: (body) => {
      const n = Number(/What is (\d+)/.exec(JSON.stringify(body.messages))?.[1]);
      return `Adding one to ${n}.\n#### ${n < 4 ? n + 1 : n + 2}`;
    },
  });
}, 60_000);

afterAll(async () => {
  await fake.close();
});

describe("POST /api/v1/runs if_running", () => {
  it("starts a new run by default and returns the running one with if_running: existing", async () => {
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/reuse", name: "Reuse", api_url: fake.url }));
    const body = { model_id: model.id, benchmark_id: benchmarkId };
    // No worker runs in this block, so the runs stay scheduled: "active" for as long as the test needs.
    const first = await post(body);
    expect(first).toMatchObject({ status: 201, json: { status: "scheduled", reused: false } });
    const reused = await post({ ...body, if_running: "existing" });
    expect(reused).toMatchObject({ status: 200, json: { id: first.json.id, reused: true } });
    const fresh = await post({ ...body, if_running: "new" });
    expect(fresh.status).toBe(201);
    expect(fresh.json.id).not.toBe(first.json.id);
    // With two active runs, "existing" answers the newest.
    expect((await post({ ...body, if_running: "existing" })).json.id).toBe(fresh.json.id);
    // Nothing active any more: "existing" starts a run.
    await cancelRun(ctx, first.json.id);
    await cancelRun(ctx, fresh.json.id);
    const started = await post({ ...body, if_running: "existing" });
    expect(started).toMatchObject({ status: 201, json: { reused: false } });
    await cancelRun(ctx, started.json.id);
    const invalid = await post({ ...body, if_running: "extend" });
    expect(invalid.status).toBe(400);
    expect(invalid.json.errors[0]).toMatchObject({ path: "if_running", message: "if_running must be new or existing" });
  });

  it("refuses a stage that does not compile, naming the field", async () => {
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/syntax", name: "Syntax", api_url: fake.url }));
    const base = { model_id: model.id, benchmark_id: benchmarkId };
    const cases = [
      [{ system_prompt: "You answer {% if task.subset %}briefly" }, "config.system_prompt"],
      [{ system_prompt_templates: { qa: "{{ task.text | shout }}" } }, "config.system_prompt_templates.qa"],
      [{ prompt_templates: { qa: "Question: {{ input }}" } }, "config.prompt_templates.qa"],
      [{ system_prompt: "Answer {{ task.truth }}" }, "config.system_prompt"],
      [
        { scorers: [{ type: "llm_as_judge", params: { judge_model_id: "x", prompt_template: "{{ answer }}" } }] },
        "config.scorers.0.params.prompt_template",
      ],
      [{ parse_expressions: { default: "$match(response, " } }, "config.parse_expressions.default"],
      [{ parse_expressions: { essay: "response" } }, "config.parse_expressions"],
    ] as const;
    for (const [config, path] of cases) {
      const res = await post({ ...base, config });
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
      expect(res.json.errors[0].path, JSON.stringify(res.json)).toBe(path);
    }
    const unknownParam = await post({ ...base, config: { scorers: [{ type: "numeric", params: { tolerance: 1 } }] } });
    expect(unknownParam.json.errors[0]).toMatchObject({
      path: "config.scorers.0.params",
      message: 'Unrecognized key: "tolerance"; allowed: absolute_tolerance, relative_tolerance, extract',
    });
    const unknown = await post({ ...base, config: { prompt_templates: { qa: "Question: {{ input }}" } } });
    expect(unknown.json.errors[0].message).toMatch(/Unknown variable "input" .*available: task\.text, /);
  });
});

describe("a run's user-code stages and aggregations", () => {
  let worker: Awaited<ReturnType<typeof startWorker>>;
  beforeAll(async () => {
    worker = await startWorker();
  });
  afterAll(async () => {
    await worker.stop();
  });

  it("renders the system prompt template, grades the parsed answer and aggregates as asked", async () => {
    const model = await createModel(ctx, CreateModel.parse({ key: "fake/stages", name: "Stages", api_url: fake.url }));
    const config = {
      system_prompt: "Answer the {{ task.subset }} question.",
      parse_expressions: { qa: "$match(response, /####\\s*(\\d+)/)[0].groups[0]" },
      scorers: [
        { type: "exact_match", aggregations: ["accuracy", "weighted_mean"], weight_field: "w" },
        { type: "expression", params: { expression: "parsed = task.truth" } },
      ],
    };
    const created = await post({ model_id: model.id, benchmark_id: benchmarkId, config });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    const run = await waitForRun(ctx, created.json.id);
    expect(run.status).toBe("completed");

    const sent = fake.requests
      .filter((r) => JSON.stringify(r.body).includes("Answer the"))
      .map((r) => (r.body as { messages: { role: string; content: string }[] }).messages[0]);
    expect(sent).toContainEqual({ role: "system", content: "Answer the low question." });
    expect(sent).toContainEqual({ role: "system", content: "Answer the high question." });

    const results = await db.select().from(runResults).where(eq(runResults.runId, run.id)).orderBy(runResults.position);
    expect(results.map((r) => r.parsed)).toEqual(["1", "2", "3", "4", "6", "7"]);
    // Without the parse stage exact_match would see "Adding one to 0.\n#### 1" and fail every task.
    expect(results.map((r) => r.passed)).toEqual([true, true, true, true, false, false]);
    expect(results.map((r) => (r.scores as Record<string, { pass?: boolean }>).expression?.pass)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);

    const summary = run.summary;
    const em = summary?.scorers.exact_match;
    expect(em?.aggregations.accuracy?.overall).toMatchObject({ n: 6, value: 4 / 6 });
    // Weights 1, 2, 3, 1, 2, 3 with passes 1, 1, 1, 1, 0, 0: (1 + 2 + 3 + 1) / 12.
    expect(em?.aggregations.weighted_mean?.overall.n).toBe(6);
    expect(em?.aggregations.weighted_mean?.overall.value).toBeCloseTo(7 / 12, 12);
    expect(em?.aggregations.weighted_mean?.unweighted).toBe(0);
    expect(summary?.scorers.expression?.aggregations.accuracy?.overall.value).toBeCloseTo(4 / 6, 12);
  }, 60_000);
});
