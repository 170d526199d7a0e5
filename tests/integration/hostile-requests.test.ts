import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as catchAll from "@/app/api/v1/[[...rest]]/route";
import * as listRoute from "@/app/api/v1/benchmarks/route";
import * as rowsRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/rows/route";
import * as taskRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/tasks/[position]/route";
import * as tasksRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/tasks/route";
import * as expressionRoute from "@/app/api/v1/expressions/test/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as modelKeyRoute from "@/app/api/v1/models/key/[...key]/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as tokensRoute from "@/app/api/v1/project/tokens/route";
import * as resultRoute from "@/app/api/v1/runs/[id]/results/[position]/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import type { ProjectCtx } from "@/lib/auth/context";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateModel } from "@/lib/validation/models";
import { makeProject } from "../support/factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Answer = { status: number; type: string; body: { detail?: string; errors?: { path: string; message: string }[] } };

let ctx: ProjectCtx;
let token: string;
let benchmarkId: string;
let modelId: string;
let runId: string;
let redirector: Server;
let redirectorUrl: string;

async function call(
  handler: unknown,
  init: {
    method?: string;
    body?: string;
    params?: Record<string, string | string[]>;
    query?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers = new Headers({ "content-type": "application/json", ...init.headers });
  if (!("cookie" in (init.headers ?? {}))) headers.set("authorization", `Bearer ${token}`);
  const request = new Request(`http://localhost/api/v1/x${init.query ?? ""}`, { method: init.method ?? "GET", headers, body: init.body });
  const response = await (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) });
  return { status: response.status, type: response.headers.get("content-type") ?? "", body: JSON.parse((await response.text()) || "{}") };
}

const nested = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
const BIG = "2147483648";

beforeAll(async () => {
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "t", role: "admin" })).token;
  const model = await createModel(
    ctx,
    CreateModel.parse({
      key: "m",
      name: "M",
      endpoint_type: "simulated",
      simulation: { seed: 1, accuracy: 1, latencyMs: { mean: 1, stddev: 0 } },
    }),
  );
  modelId = model.id;
  const rows = [{ question: "2+2?", answer: "4" }];
  const created = await call(listRoute.POST, {
    method: "POST",
    query: "?key=b&name=B",
    body: JSON.stringify({ source: { type: "rows", rows } }),
  });
  benchmarkId = (created.body as unknown as { benchmark: { id: string } }).benchmark.id;
  const run = await call(runsRoute.POST, {
    method: "POST",
    body: JSON.stringify({ model_id: modelId, benchmark_id: benchmarkId, config: {} }),
  });
  runId = (run.body as unknown as { id: string }).id;
  redirector = createServer((_req, res) => res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data" }).end());
  await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/data.jsonl`;
});
afterAll(() => new Promise((resolve) => redirector.close(resolve)));

function expectProblem(answer: Answer, status: number, path?: string) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  expect(answer.type).toContain("application/problem+json");
  if (path) expect(answer.body.errors?.map((e) => e.path)).toContain(path);
}

describe("requests that used to answer 500 answer a 4xx problem naming the field", () => {
  it("NUL bytes in names, filters, keys and logins; lone surrogates in a token name or a run's system prompt", async () => {
    expectProblem(await call(modelsRoute.POST, { method: "POST", body: JSON.stringify({ key: "k", name: "a\u0000" }) }), 400, "name");
    expectProblem(await call(modelsRoute.GET, { query: "?q=%00" }), 400, "query.q");
    expectProblem(
      await call(modelRoute.PATCH, { method: "PATCH", params: { id: modelId }, body: JSON.stringify({ name: "x\ud800" }) }),
      400,
      "name",
    );
    expectProblem(await call(tokensRoute.POST, { method: "POST", body: JSON.stringify({ name: "\udc00" }) }), 400, "name");
    const run = { model_id: modelId, benchmark_id: benchmarkId, config: { system_prompt: "be \ud800 nice" } };
    expectProblem(await call(runsRoute.POST, { method: "POST", body: JSON.stringify(run) }), 400, "config.system_prompt");
  });

  it("integers beyond 32 bits in version, position, start_index, sample and a run's version", async () => {
    expectProblem(await call(taskRoute.GET, { params: { id: benchmarkId, number: "1", position: BIG } }), 400, "params.position");
    expectProblem(await call(tasksRoute.GET, { params: { id: benchmarkId, number: BIG } }), 400, "params.number");
    expectProblem(
      await call(rowsRoute.GET, { params: { id: benchmarkId, number: "1" }, query: `?start_index=${BIG}` }),
      400,
      "query.start_index",
    );
    expectProblem(await call(resultRoute.GET, { params: { id: runId, position: "1" }, query: `?sample=${BIG}` }), 400, "query.sample");
    const run = { model_id: modelId, benchmark_id: benchmarkId, version: 2 ** 40, config: {} };
    expectProblem(await call(runsRoute.POST, { method: "POST", body: JSON.stringify(run) }), 400, "version");
  });

  it("JSON nested 50,000 deep in extra_payload, parsed, task metadata and row metadata", async () => {
    const deep = nested(50_000);
    const patch = await call(modelRoute.PATCH, { method: "PATCH", params: { id: modelId }, body: `{"extra_payload":${deep}}` });
    expectProblem(patch, 400);
    expect(patch.body.detail).toMatch(/nests deeper than 64 levels/);
    expectProblem(
      await call(expressionRoute.POST, { method: "POST", body: `{"stage":"grading","source":"parsed","parsed":${deep}}` }),
      400,
    );
    const task = `{"task":{"type":"qa","input":"q","truth":"a","metadata":${deep}}}`;
    expectProblem(
      await call(taskRoute.PATCH, { method: "PATCH", params: { id: benchmarkId, number: "1", position: "1" }, body: task }),
      400,
    );
    const file = `{"question":"q","answer":"a","metadata":${deep}}\n`;
    const upload = await call(rowsRoute.POST, {
      method: "POST",
      params: { id: benchmarkId, number: "1" },
      query: "?format=jsonl",
      body: file,
      headers: { "content-type": "application/x-ndjson" },
    });
    expectProblem(upload, 422);
    expect(upload.body.errors?.[0]?.message).toMatch(/nests deeper than 64 levels/);
  });

  it("a model key and a data: URI with broken percent escapes", async () => {
    expectProblem(await call(modelKeyRoute.GET, { params: { key: ["%"] } }), 400, "params.key");
    const body = JSON.stringify({ purpose: "eval/question-answer", source: { type: "uri", uri: "data:text/plain,%E0%A4%A" } });
    expectProblem(await call(listRoute.POST, { method: "POST", query: "?key=pct&name=P", body }), 400, "source.uri");
  });

  it("a session write with Origin: null is refused with 403 before any session work", async () => {
    const answer = await call(modelsRoute.POST, {
      method: "POST",
      body: JSON.stringify({ key: "x", name: "x" }),
      headers: { cookie: "next-auth.session-token=x", origin: "null", host: "localhost" },
    });
    expectProblem(answer, 403);
  });

  it("a benchmark source URL redirecting to a refused address names the URL rule", async () => {
    const body = JSON.stringify({ purpose: "eval/question-answer", source: { type: "uri", uri: redirectorUrl } });
    const answer = await call(listRoute.POST, { method: "POST", query: "?key=redir&name=R", body });
    expectProblem(answer, 400, "source.uri");
    expect(answer.body.detail).toMatch(/169\.254\.169\.254.*linkLocal addresses are never allowed/);
  });

  it("unknown API paths, /api/v1 itself included, answer problem JSON", async () => {
    expectProblem(await call(catchAll.GET, { params: {} }), 404);
    expectProblem(await call(catchAll.POST, { method: "POST", params: { rest: ["nope"] } }), 404);
  });

  it("authenticates before validating, so an anonymous caller learns nothing about input shapes", async () => {
    const request = new Request("http://localhost/api/v1/models?page=-1", { method: "POST", body: "{" });
    const response = await (modelsRoute.POST as Handler)(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(401);
  });
});
