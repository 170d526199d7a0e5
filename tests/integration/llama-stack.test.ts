import LlamaStackClient, { APIError } from "llama-stack-client";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { runs } from "@/db/schema";
import { seed } from "@/lib/server/seed/seed";
import type { ProjectCtx } from "@/lib/auth/context";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateModel } from "@/lib/validation/models";
import { startWorker } from "@/lib/worker";
import { makeProject, makeUser } from "../support/factories";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { startRouteServer } from "../support/route-server";

let ctx: ProjectCtx;
let fake: FakeOpenAI;
let server: Awaited<ReturnType<typeof startRouteServer>>;
let worker: Awaited<ReturnType<typeof startWorker>>;
let client: LlamaStackClient;
let viewer: LlamaStackClient;

const rows = [
  { input_query: "What is 2 + 3?", expected_answer: "5", id: "a" },
  { input_query: "What is 4 + 4?", expected_answer: "8", id: "b" },
  { input_query: "What is 7 + 1?", expected_answer: "8", id: "c" },
];

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  // Adds the two numbers in the last user message, except after 7 (a known wrong answer); as a judge it says 4.
  fake = await startFakeOpenAI({
    answer: (body) => {
      const last = JSON.stringify(body.messages?.at(-1)?.content ?? "");
      if (last.startsWith('"Judge:')) return "Reasonable. Score: 4";
      const [a, b] = (/(\d+) \+ (\d+)/.exec(last) ?? []).slice(1).map(Number);
      if (a === undefined || b === undefined) return "no idea";
      return a === 7 ? "nine" : String(a + b);
    },
  });
  await createModel(ctx, CreateModel.parse({ key: "fake/adder", name: "Adder", api_url: fake.url }));
  server = await startRouteServer();
  worker = await startWorker();
  const baseURL = `${server.url}/api/llama-stack`;
  client = new LlamaStackClient({ baseURL, apiKey: (await createToken(ctx, { name: "ls", role: "member" })).token, maxRetries: 2 });
  viewer = new LlamaStackClient({ baseURL, apiKey: (await createToken(ctx, { name: "ro", role: "viewer" })).token, maxRetries: 0 });
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await server.close();
  await fake.close();
});

const candidate = {
  type: "model" as const,
  model: "fake/adder",
  sampling_params: { strategy: { type: "greedy" as const }, max_tokens: 16 },
};

async function failure(p: Promise<unknown>): Promise<APIError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(APIError);
  return error as APIError;
}

describe("Llama Stack compatibility with the official client", () => {
  it("registers a dataset from rows, iterates and appends rows, and stores it as a Yardstick benchmark", async () => {
    const dataset = await client.beta.datasets.register({
      purpose: "eval/question-answer",
      source: { type: "rows", rows },
      dataset_id: "my-org::arith",
    });
    expect(dataset).toMatchObject({ identifier: "my-org::arith", purpose: "eval/question-answer", type: "dataset" });
    expect((await client.beta.datasets.list()).map((d) => d.identifier)).toEqual(["my-org::arith"]);
    expect(await client.beta.datasets.retrieve("my-org::arith")).toMatchObject({ identifier: "my-org::arith" });

    const all = await client.beta.datasets.iterrows("my-org::arith");
    expect(all).toMatchObject({ data: rows, has_more: false });
    const page = await client.beta.datasets.iterrows("my-org::arith", { start_index: 1, limit: 1 });
    expect(page).toMatchObject({ data: [rows[1]], has_more: true });

    await client.beta.datasets.appendrows("my-org::arith", { rows: [{ input_query: "What is 1 + 1?", expected_answer: "2", id: "d" }] });
    const after = await client.beta.datasets.iterrows("my-org::arith", { start_index: 3 });
    expect(after.data).toEqual([{ input_query: "What is 1 + 1?", expected_answer: "2", id: "d" }]);

    const listed = await listBenchmarks(ctx, {}, { page: 1, per_page: 50 });
    const stored = listed.items.find((b) => b.id === dataset.provider_resource_id);
    expect(stored).toBeDefined();
  });

  it("treats an empty query value as absent, and registers messages datasets from a data: URI", async () => {
    const response = await fetch(`${server.url}/api/llama-stack/v1beta/datasetio/iterrows/my-org::arith?limit=&start_index=`, {
      headers: { authorization: `Bearer ${client.apiKey}` },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { data: unknown[] }).data).toHaveLength(4);

    const chat = { chat_completion_input: JSON.stringify([{ role: "user", content: "What is 3 + 3?" }]), expected_answer: "6" };
    const uri = `data:application/jsonl;base64,${Buffer.from(JSON.stringify(chat)).toString("base64")}`;
    await client.beta.datasets.register({ purpose: "eval/messages-answer", source: { type: "uri", uri }, dataset_id: "chat" });
    expect((await client.beta.datasets.iterrows("chat")).data).toEqual([chat]);
  });

  it("answers a duplicate register with a 409 the client does not retry", async () => {
    const before = fake.requests.length;
    const error = await failure(
      client.beta.datasets.register({ purpose: "eval/question-answer", source: { rows }, dataset_id: "my-org::arith" }),
    );
    expect(error.status).toBe(409);
    expect(error.headers?.["x-should-retry"]).toBe("false");
    expect(before).toBe(fake.requests.length);
  });

  it("lists the built-in scoring functions with their params", async () => {
    const fns = await client.scoringFunctions.list();
    expect(fns.map((f) => f.identifier)).toEqual([
      "basic::equality",
      "basic::subset_of",
      "basic::regex_parser_multiple_choice_answer",
      "basic::regex_parser_math_response",
      "llm-as-judge::base",
    ]);
    expect(await client.scoringFunctions.retrieve("llm-as-judge::base")).toMatchObject({ params: { type: "llm_as_judge" } });
  });

  it("registers a benchmark, runs an eval as a Yardstick run, polls the job and reads its result", async () => {
    await client.alpha.benchmarks.register({
      benchmark_id: "arith-eval",
      dataset_id: "my-org::arith",
      scoring_functions: ["basic::equality", "basic::subset_of"],
      metadata: { owner: "ci" },
    });
    expect(await client.alpha.benchmarks.retrieve("arith-eval")).toMatchObject({
      identifier: "arith-eval",
      dataset_id: "my-org::arith",
      scoring_functions: ["basic::equality", "basic::subset_of"],
      metadata: { owner: "ci" },
    });
    expect((await client.alpha.benchmarks.list()).map((b) => b.identifier)).toEqual(["arith-eval"]);

    const job = await client.alpha.eval.runEval("arith-eval", { benchmark_config: { eval_candidate: candidate } });
    expect(["scheduled", "in_progress", "completed"]).toContain(job.status);
    let status = job.status;
    for (let i = 0; i < 150 && status !== "completed" && status !== "failed"; i++) {
      await new Promise((r) => setTimeout(r, 200));
      status = (await client.alpha.eval.jobs.status("arith-eval", job.job_id)).status;
    }
    expect(status).toBe("completed");
    const [run] = await db.select().from(runs).where(eq(runs.id, job.job_id));
    expect(run).toMatchObject({ projectId: ctx.project.id, origin: "api", totalItems: 4 });

    const result = await client.alpha.eval.jobs.retrieve("arith-eval", job.job_id);
    expect(result.generations.map((g) => g.generated_answer)).toEqual(["5", "8", "nine", "2"]);
    const equality = result.scores["basic::equality"];
    expect(equality?.score_rows.map((r) => r.score)).toEqual([1, 1, 0, 1]);
    // 3 of 4; Wilson 95 % interval for 3/4 is [0.3006, 0.9544] (Wilson 1927; e.g. epitools::binom.wilson(3, 4)).
    const accuracy = equality?.aggregated_results.accuracy as { accuracy: number; num_correct: number; num_total: number; ci_95: number[] };
    expect(accuracy).toMatchObject({ accuracy: 0.75, num_correct: 3, num_total: 4 });
    expect(accuracy.ci_95[0]).toBeCloseTo(0.3006, 3);
    expect(accuracy.ci_95[1]).toBeCloseTo(0.9544, 3);
    expect(result.scores["basic::subset_of"]?.score_rows).toHaveLength(4);
  });

  it("does not start a second run when the client retries run_eval", async () => {
    fake.setOptions({ latencyMs: 300 });
    const config = { benchmark_config: { eval_candidate: candidate } };
    const first = await client.alpha.eval.runEval("arith-eval", config);
    const retried = await client.alpha.eval.runEval("arith-eval", config, { headers: { "x-stainless-retry-count": "1" } });
    expect(retried.job_id).toBe(first.job_id);
    await client.alpha.eval.jobs.cancel("arith-eval", first.job_id);
    expect((await client.alpha.eval.jobs.status("arith-eval", first.job_id)).status).toBe("cancelled");
    fake.setOptions({ latencyMs: 0 });
  });

  it("evaluates rows synchronously, with chat_completion_input rows and an LLM judge", async () => {
    const response = await client.alpha.eval.evaluateRows("arith-eval", {
      benchmark_config: {
        eval_candidate: candidate,
        scoring_params: {
          "llm-as-judge::base": {
            type: "llm_as_judge",
            judge_model: "fake/adder",
            prompt_template: "Judge: Q: {input_query} A: {generated_answer}",
          },
        },
      },
      input_rows: [
        { input_query: "What is 10 + 5?", expected_answer: "15" },
        { chat_completion_input: JSON.stringify([{ role: "user", content: "What is 7 + 2?" }]), expected_answer: "9" },
      ],
      scoring_functions: ["basic::equality", "llm-as-judge::base"],
    });
    expect(response.generations).toEqual([{ generated_answer: "15" }, { generated_answer: "nine" }]);
    expect(response.scores["basic::equality"]?.score_rows.map((r) => r.score)).toEqual([1, 0]);
    // The judge answers "Score: 4" on the default 1-5 scale: (4 - 1) / 4.
    expect(response.scores["llm-as-judge::base"]?.score_rows.map((r) => r.score)).toEqual([0.75, 0.75]);
    expect(response.scores["llm-as-judge::base"]?.aggregated_results).toMatchObject({ average: { average: 0.75, n: 2 } });
  });

  it("answers errors the client turns into APIError with the right status", async () => {
    expect((await failure(client.alpha.benchmarks.retrieve("nope"))).status).toBe(404);
    expect((await failure(client.alpha.eval.runEval("nope", { benchmark_config: { eval_candidate: candidate } }))).status).toBe(404);
    const unknownModel = { eval_candidate: { ...candidate, model: "no/such-model" } };
    expect((await failure(client.alpha.eval.runEval("arith-eval", { benchmark_config: unknownModel }))).status).toBe(404);
    const badFn = client.alpha.benchmarks.register({ benchmark_id: "x", dataset_id: "my-org::arith", scoring_functions: ["basic::nope"] });
    expect((await failure(badFn)).status).toBe(400);
    expect(
      (await failure(viewer.alpha.benchmarks.register({ benchmark_id: "y", dataset_id: "chat", scoring_functions: ["basic::equality"] })))
        .status,
    ).toBe(403);
    const other = new LlamaStackClient({
      baseURL: `${server.url}/api/llama-stack`,
      apiKey: (await createToken(await makeProject(), { name: "o", role: "admin" })).token,
    });
    expect((await failure(other.beta.datasets.retrieve("my-org::arith"))).status).toBe(404);
    const anonymous = new LlamaStackClient({
      baseURL: `${server.url}/api/llama-stack`,
      apiKey: "ys_not-a-real-token-0000000000",
      maxRetries: 0,
    });
    expect((await failure(anonymous.beta.datasets.list())).status).toBe(401);
  });

  it("unregisters a benchmark and a dataset but keeps the Yardstick benchmark", async () => {
    const dataset = await client.beta.datasets.retrieve("chat");
    await client.beta.datasets.unregister("chat");
    expect((await failure(client.beta.datasets.retrieve("chat"))).status).toBe(404);
    await client.alpha.benchmarks.unregister("arith-eval");
    expect(await client.alpha.benchmarks.list()).toEqual([]);
    const listed = await listBenchmarks(ctx, {}, { page: 1, per_page: 50 });
    expect(listed.items.some((b) => b.id === dataset.provider_resource_id)).toBe(true);
  });
});
