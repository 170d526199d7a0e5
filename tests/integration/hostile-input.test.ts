import { readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import * as benchmarksRoute from "@/app/api/v1/benchmarks/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import type { ProjectCtx } from "@/lib/auth/context";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateModel } from "@/lib/validation/models";
import { makeProject } from "../support/factories";
import { callRoute } from "../support/route-call";

// Every route under app/api/v1, found on disk so a new route is covered without touching this file.
const API_ROOT = path.resolve(import.meta.dirname, "../../app/api/v1");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;
const routeFiles = (readdirSync(API_ROOT, { recursive: true }) as string[]).filter((f) => f.endsWith("route.ts")).sort();

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Answer = { status: number; type: string; text: string };

const DEADLINE_MS = 5000;
const OTHER_PROJECT_MARKER = "other-project-secret-7f3a";
const SIMULATION = { seed: 1, accuracy: 0.5, latencyMs: { mean: 1, stddev: 0 } };

// Inputs an attacker sends: encodings the database or decoders refuse, numbers beyond column types,
// nesting that overflows recursive code, catastrophic regexes with the input that triggers them.
const hostileString = fc.oneof(
  fc.constantFrom(
    "a\u0000b",
    "\ud800x",
    "x\udfff",
    "%",
    "%E0%A4%A",
    "%zz",
    "%25",
    "^(a+)+$",
    `${"a".repeat(40)}!`,
    "(?=a)",
    "' or 1=1 --",
    "__proto__",
    "9".repeat(30),
    "-1",
    "1.5",
    "NaN",
    "1e309",
    "2147483648",
    "",
    "data:text/plain,%E0%A4%A",
    "http://169.254.169.254/latest/meta-data",
  ),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constant("x".repeat(100_000)),
);
const hostileNumber = fc.oneof(
  fc.constantFrom(2 ** 31, 2 ** 53, 1e20, -1, -(2 ** 31) - 1, 0.5, Number.MAX_VALUE, -0),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const deep = (depth: number, leaf: unknown = 1) => {
  let value: unknown = leaf;
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
};
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  hostileNumber,
  fc.constant(deep(1000)),
  fc.constant(null),
  fc.boolean(),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

// Field and parameter names the API uses, so generated values reach the code behind the schemas.
const FIELDS = [
  ...["name", "key", "description", "login", "password", "input", "truth", "task", "rows", "source", "url", "api_url", "api_key"],
  ...["extra_payload", "parsed", "metadata", "system_prompt", "config", "version", "position", "positions", "stage", "response"],
  ...["benchmark_ids", "model_ids", "model_id", "benchmark_id", "role", "published", "expiresInDays", "redacted", "userId", "defaults"],
];
const QUERY = ["q", "page", "per_page", "start_index", "limit", "sample", "format", "status", "runs", "filter", "sort", "order", "version"];

const hostileBody = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), hostileValue, { maxKeys: 4 }).map((o) => JSON.stringify(o)),
  fc.record({ task: fc.record({ type: fc.constant("qa"), input: hostileString, truth: hostileString }) }).map((o) => JSON.stringify(o)),
  fc
    .record({
      source: fc.record({
        type: fc.constant("rows"),
        rows: fc.array(fc.record({ question: hostileString, answer: hostileString }), { minLength: 1, maxLength: 2 }),
      }),
    })
    .map((o) => JSON.stringify(o)),
  fc.constantFrom(
    `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
    `{"extra_payload":${'{"a":'.repeat(20_000)}1${"}".repeat(20_000)}}`,
    "{",
    "\u0000",
    '"\\ud800"',
  ),
);

let ctx: ProjectCtx;
let token: string;
const real = { model: "", modelKey: "", benchmark: "", run: "", user: "", token: "" };

/**
 * A body whose structural fields are valid and whose free-text and number fields all carry one
 * hostile value: most schemas strip the keys they do not know, so the value reaches the service.
 */
const sink = (hostile: unknown) =>
  JSON.stringify({
    ...Object.fromEntries(["name", "description", "login", "password", "input", "response", "parsed", "source"].map((k) => [k, hostile])),
    key: "fuzz-key",
    role: "viewer",
    stage: "parsing",
    task: { type: "qa", input: hostile, truth: hostile },
    version: hostile,
    positions: [hostile],
    redacted: true,
    model_id: real.model,
    benchmark_id: real.benchmark,
    config: { system_prompt: hostile },
    extra_payload: { a: hostile },
  });

beforeAll(async () => {
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "fuzz", role: "admin" })).token;
  const model = await createModel(
    ctx,
    CreateModel.parse({ key: "fuzz-model", name: "Fuzz", endpoint_type: "simulated", simulation: SIMULATION }),
  );
  const rows = [{ question: "2+2?", answer: "4" }];
  const benchmark = await callRoute(benchmarksRoute.POST, "/api/v1/benchmarks?key=fuzz&name=Fuzz", {
    method: "POST",
    token,
    body: { source: { type: "rows", rows } },
  });
  const benchmarkId = (benchmark.json as { benchmark: { id: string } }).benchmark.id;
  const run = await callRoute(runsRoute.POST, "/api/v1/runs", {
    method: "POST",
    token,
    body: { model_id: model.id, benchmark_id: benchmarkId, config: {} },
  });
  expect(run.status, run.text).toBeLessThan(300);
  const spare = await createToken(ctx, { name: "spare", role: "viewer" });
  Object.assign(real, {
    model: model.id,
    modelKey: model.key,
    benchmark: benchmarkId,
    run: (run.json as { id: string }).id,
    user: ctx.actor.userId,
    token: spare.id,
  });
  // Another project's data must never appear in an answer.
  const other = await makeProject();
  await createModel(
    other,
    CreateModel.parse({ key: OTHER_PROJECT_MARKER, name: OTHER_PROJECT_MARKER, endpoint_type: "simulated", simulation: SIMULATION }),
  );
}, 60_000);

function paramNames(file: string): { name: string; catchAll: boolean }[] {
  return [...file.matchAll(/\[+(\.\.\.)?(\w+)\]+/g)].map((m) => ({ name: m[2] as string, catchAll: Boolean(m[1]) }));
}

/** A real value for a path parameter, so a request with hostile query or body gets past the lookup. */
function realParam(file: string, name: string): string {
  if (name === "number" || name === "position") return "1";
  if (name === "userId") return real.user;
  if (name === "key") return real.modelKey;
  if (name === "rest") return "nope";
  const resource = file.split("/")[file.startsWith("project/") ? 1 : 0];
  return { benchmarks: real.benchmark, runs: real.run, models: real.model, tokens: real.token }[resource ?? ""] ?? "1";
}

// Every route first gets these (real path parameters), then generated mixes of everything.
const TARGETED: unknown[] = ["a\u0000b", "\ud800x", 2 ** 31, "2147483648", deep(100), "%E0%A4%A", "^(a+)+$"];

async function send(handler: Handler, request: Request, params: Record<string, string | string[]>): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${DEADLINE_MS} ms`)), DEADLINE_MS);
  });
  try {
    const response = await Promise.race([handler(request, { params: Promise.resolve(params) }), deadline]);
    return {
      status: response.status,
      type: response.headers.get("content-type") ?? "",
      text: await Promise.race([response.text(), deadline]),
    };
  } finally {
    clearTimeout(timer);
  }
}

// The gateway speaks OpenAI's wire format, errors included, so that the SDKs surface them.
const OPENAI_ROUTES = new Set(["chat/completions/route.ts", "embeddings/route.ts"]);

function assertSafe(answer: Answer, what: string, file: string) {
  const where = `${what} → ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  if (answer.status >= 400 && OPENAI_ROUTES.has(file)) expect(JSON.parse(answer.text).error?.message, where).toEqual(expect.any(String));
  else if (answer.status >= 400) expect(answer.type, where).toContain("application/problem+json");
  expect(answer.text, where).not.toMatch(/Failed query|invalid byte sequence|out of range for type|RangeError|URIError|\n\s+at /);
  expect(answer.text, where).not.toContain(OTHER_PROJECT_MARKER);
}

describe("every API route under generated hostile input", () => {
  it("finds the routes", () => {
    expect(routeFiles.length).toBeGreaterThan(30);
  });

  for (const file of routeFiles) {
    it(`${file}: answers 2xx or a 4xx problem, never a 5xx, a hang or a leak`, async () => {
      const mod = (await import(path.join(API_ROOT, file))) as Partial<Record<(typeof METHODS)[number], Handler>>;
      const names = paramNames(file);
      const reals = names.map((p) => realParam(file, p.name));
      const paramValue = (i: number) =>
        fc.oneof({ arbitrary: hostileString, weight: 1 }, { arbitrary: fc.constant(reals[i] as string), weight: 2 });
      const examples = TARGETED.map((h): [string[], Record<string, string>, string] => [
        reals,
        Object.fromEntries(QUERY.map((k) => [k, typeof h === "string" ? h : JSON.stringify(h)])),
        sink(h),
      ]);
      for (const method of METHODS) {
        const handler = mod[method];
        if (!handler) continue;
        await fc.assert(
          fc.asyncProperty(
            fc.tuple(...names.map((_, i) => paramValue(i))),
            fc.dictionary(fc.constantFrom(...QUERY), hostileString, { maxKeys: 3 }),
            fc.oneof(hostileBody, hostileValue.map(sink)),
            async (values, query, body) => {
              const params = Object.fromEntries(names.map((p, i) => [p.name, p.catchAll ? [values[i] as string] : (values[i] as string)]));
              const url = new URL(`http://localhost/api/v1/${path.dirname(file)}`);
              for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
              const withBody = method !== "GET" && method !== "DELETE";
              const request = new Request(url, {
                method,
                headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
                body: withBody ? body : undefined,
              });
              assertSafe(
                await send(handler, request, params),
                `${method} ${file} ${JSON.stringify(params).slice(0, 100)} ?${url.search.slice(0, 100)}`,
                file,
              );
            },
          ),
          { numRuns: 3, seed: 20261203, endOnFailure: true, examples },
        );
      }
    }, 30_000);
  }
});
