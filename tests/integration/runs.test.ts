import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { runResults } from "@/db/schema";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { ProjectCtx } from "@/lib/auth/context";
import type { AppError } from "@/lib/errors";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { getModel } from "@/lib/services/models/read";
import { createModel } from "@/lib/services/models/write";
import { cancelRun } from "@/lib/services/runs/cancel";
import { createRun } from "@/lib/services/runs/create";
import { getRun } from "@/lib/services/runs/read";
import { CreateModel } from "@/lib/validation/models";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";
import { waitForRun } from "../support/runs";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();
const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

let ctx: ProjectCtx;
let benchmarkId: string;
let fake: FakeOpenAI;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  const rows = Array.from({ length: 120 }, (_, i) =>
    JSON.stringify({ input: `What is ${i} + 1? Answer with the number.`, truth: String(i + 1), subset: `s${i % 3}` }),
  ).join("\n");
  const imported = await importBenchmark(
    ctx,
    { create: { key: "arith-120", name: "Arithmetic", description: "", categories: [], languages: [], visibility: "custom" } },
    bytes(rows),
    ImportSettings.parse({}),
  );
  benchmarkId = imported.benchmark?.id as string;
  // Answers correctly for even numbers only: a known accuracy of exactly 50%.
  fake = await startFakeOpenAI({
    answer: (body) => {
      const n = Number(/What is (\d+)/.exec(JSON.stringify(body.messages))?.[1]);
      return n % 2 === 0 ? String(n + 1) : "no idea";
    },
  });
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await fake.close();
});

const fakeModel = async (key: string, extra: Record<string, unknown> = {}) =>
  createModel(ctx, CreateModel.parse({ key, name: key, api_url: fake.url, ...extra }));

describe("evaluation runs", () => {
  it("runs a model over HTTP to completion with one result per item and honest statistics", async () => {
    const model = await fakeModel("fake/half-right");
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 8 } }),
      "user",
    );
    const done = await waitForRun(ctx, run.id, ["completed", "failed"]);
    expect(done.status).toBe("completed");
    expect(done.progress).toMatchObject({ total: 120, done: 120, errors: 0 });
    const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(runResults).where(eq(runResults.runId, run.id));
    expect(n).toBe(120);
    const summary = done.summary as {
      scorers: Record<string, { overall: { n: number; value: number; ci: [number, number] }; by_subset: unknown[] }>;
    };
    expect(summary.scorers.exact_match?.overall).toMatchObject({ n: 120, value: 0.5 });
    // Wilson 95% for 60/120, computed with python3 math: (0.41196, 0.58804).
    expect(summary.scorers.exact_match?.overall.ci[0]).toBeCloseTo(0.41196, 4);
    expect(summary.scorers.exact_match?.by_subset).toHaveLength(3);
    const sent = fake.requests.at(-1)?.body as { temperature: number; model: string };
    expect(sent).toMatchObject({ temperature: 0, model: "fake/half-right" });
  });

  it("runs the built-in simulated model with no network, close to its target accuracy", async () => {
    const sim = await getModel(ctx, { key: "yardstick/sim-strong" });
    const before = fake.requests.length;
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: sim.id, benchmark_id: benchmarkId, config: { concurrency: 16 } }),
      "user",
    );
    const done = await waitForRun(ctx, run.id, ["completed"]);
    expect(fake.requests.length).toBe(before);
    expect(done.running_score.value).toBeGreaterThan(0.7);
    expect(done.running_score.value).toBeLessThan(0.97);
  });

  it("completes despite 30% faults: every item ends with a result or a recorded error", async () => {
    fake.setOptions({
      faults: { rate: 0.3, kinds: ["429", "500", "timeout", "truncated", "empty_choices"], seed: 3 },
      retryAfterSeconds: 0,
      timeoutMs: 1000,
    });
    try {
      const model = await fakeModel("fake/flaky");
      const { run } = await createRun(
        ctx,
        CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { concurrency: 8, max_attempts: 4, timeout_ms: 300 } }),
        "user",
      );
      const done = await waitForRun(ctx, run.id, ["completed", "failed"]);
      expect(done.status).toBe("completed");
      expect(done.progress.done).toBe(120); // "done" counts items finished either way, errors included
      const retried = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(runResults)
        .where(sql`${runResults.runId} = ${run.id} and ${runResults.attempts} > 1`);
      expect(retried[0]?.n).toBeGreaterThan(0);
    } finally {
      fake.setOptions({ faults: undefined });
    }
  });

  it("renders the run's prompt template for each task, and refuses a broken one up front", async () => {
    const model = await fakeModel("fake/templated");
    const templates = { qa: "Q: {{ task.text }}\nGive only the number." };
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { num_examples: 5, prompt_templates: templates } }),
      "user",
    );
    await waitForRun(ctx, run.id, ["completed"]);
    const last = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(last.messages.at(-1)?.content).toMatch(/^Q: What is \d+ \+ 1\? Answer with the number\.\nGive only the number\.$/);
    const broken = await failure(
      createRun(
        ctx,
        CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { prompt_templates: { qa: "{{ task.text " } } }),
        "user",
      ),
    );
    expect(broken?.errors[0]?.path).toBe("config.prompt_templates.qa");
  });

  it("starts from the benchmark's defaults, which the run's own config overrides", async () => {
    const { updateBenchmark } = await import("@/lib/services/benchmarks/update");
    const bad = await failure(updateBenchmark(ctx, benchmarkId, { defaults: { scorers: [{ type: "nope", params: {} }] } }));
    expect(bad?.errors[0]?.path).toBe("defaults.scorers.0.type");
    await updateBenchmark(ctx, benchmarkId, {
      defaults: { system_prompt: "Be brief.", metrics: ["response_length"], min_tasks_per_run: 50 },
    });
    const model = await fakeModel("fake/defaults");
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { num_examples: 4 } }),
      "user",
    );
    expect(run.config).toMatchObject({ system_prompt: "Be brief.", metrics: ["response_length"], min_tasks_per_run: 50 });
    const done = await waitForRun(ctx, run.id, ["completed"]);
    expect(Object.keys((done.summary as { scorers: object }).scorers)).toEqual(["exact_match", "response_length"]);
    const sent = fake.requests.at(-1)?.body as { messages: { role: string; content: string }[] };
    expect(sent.messages[0]).toEqual({ role: "system", content: "Be brief." });
    const own = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { num_examples: 2, system_prompt: "Mine." } }),
      "user",
    );
    expect(own.run.config).toMatchObject({ system_prompt: "Mine." });
    await waitForRun(ctx, own.run.id, ["completed"]);
    await updateBenchmark(ctx, benchmarkId, { defaults: {} });
  });

  it("grades with an LLM judge: renders its prompt with the truth and the parsed answer, parses its score, keeps its rationale", async () => {
    const judgeFake = await startFakeOpenAI({ answer: () => "The answer matches the reference. Score: 4" });
    try {
      const judge = await createModel(ctx, CreateModel.parse({ key: "fake/judge", name: "Judge", api_url: judgeFake.url }));
      const model = await fakeModel("fake/judged");
      const judgeSpec = {
        type: "llm_as_judge",
        params: {
          judge_model_id: judge.id,
          prompt_template:
            "Question: {{ task.text }}\nReference: {{ task.truth }}\nAnswer: {{ response }}\nParsed: {{ parsed }}\nScore 1-5.",
          pass_threshold: 4,
        },
      };
      const bad = await failure(
        createRun(
          ctx,
          CreateRun.parse({
            model_id: model.id,
            benchmark_id: benchmarkId,
            config: { scorers: [{ ...judgeSpec, params: { ...judgeSpec.params, judge_model_id: crypto.randomUUID() } }] },
          }),
          "user",
        ),
      );
      expect(bad?.errors[0]?.path).toBe("config.scorers.0.params.judge_model_id");
      const { run } = await createRun(
        ctx,
        CreateRun.parse({
          model_id: model.id,
          benchmark_id: benchmarkId,
          config: { num_examples: 3, scorers: [judgeSpec], parse_expressions: { default: "$uppercase(response)" } },
        }),
        "user",
      );
      const done = await waitForRun(ctx, run.id, ["completed"]);
      expect(done.running_score).toMatchObject({ n: 3, passed: 3 });
      const [result] = await db.select().from(runResults).where(eq(runResults.runId, run.id)).limit(1);
      expect(result?.scores.llm_as_judge).toMatchObject({
        value: 0.75,
        pass: true,
        explanation: "The answer matches the reference. Score: 4",
      });
      const judged = judgeFake.requests[0]?.body as { messages: { content: string }[] } | undefined;
      expect(String(judged?.messages[0]?.content)).toMatch(
        /^Question: What is \d+ \+ 1\?.*\nReference: \d+\nAnswer: .*\nParsed: (\d+|NO IDEA)\n/s,
      );
    } finally {
      await judgeFake.close();
    }
  });

  it("fails a run whose endpoint is down with a clear reason instead of spinning", async () => {
    const model = await fakeModel("fake/down", { api_url: "http://127.0.0.1:9/v1/chat/completions" });
    const { run } = await createRun(
      ctx,
      CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { max_attempts: 1, concurrency: 4 } }),
      "user",
    );
    const done = await waitForRun(ctx, run.id, ["failed", "completed"]);
    expect(done.status).toBe("failed");
    expect(done.error).toMatch(
      /endpoint failed on every one of the first \d+ calls: Could not reach http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions/,
    );
  });

  it("honours Idempotency-Key, validates scorers, samples by seed, and cancels", async () => {
    const model = await fakeModel("fake/slow");
    const input = CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId, config: { num_examples: 40, seed: 7, concurrency: 1 } });
    fake.setOptions({ latencyMs: 200 });
    try {
      const a = await createRun(ctx, input, "api", "key-1");
      const b = await createRun(ctx, input, "api", "key-1");
      expect(b.created).toBe(false);
      expect(b.run.id).toBe(a.run.id);
      expect(a.run.positions).toHaveLength(40);
      const again = await createRun(ctx, input, "api", "key-2");
      expect(again.run.positions).toEqual(a.run.positions);
      const bad = await failure(createRun(ctx, CreateRun.parse({ ...input, config: { scorers: [{ type: "nope" }] } }), "api"));
      expect(bad?.errors[0]?.path).toBe("config.scorers.0.type");
      await waitForRun(ctx, a.run.id, ["in_progress"]);
      await cancelRun(ctx, a.run.id);
      await cancelRun(ctx, again.run.id);
      await new Promise((r) => setTimeout(r, 1500));
      const after = await getRun(ctx, a.run.id);
      expect(after.status).toBe("cancelled");
      expect(after.progress.done).toBeLessThan(40);
    } finally {
      fake.setOptions({ latencyMs: 0 });
    }
  });
});
