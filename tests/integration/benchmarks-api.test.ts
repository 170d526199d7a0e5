import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/benchmarks/route";
import * as downloadRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/download/route";
import * as rowsRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/rows/route";
import * as versionsRoute from "@/app/api/v1/benchmarks/[id]/versions/route";
import type { ProjectCtx } from "@/lib/auth/context";
import { createToken } from "@/lib/services/tokens/tokens";
import { addMember, makeProject, makeUser } from "../support/factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function call(handler: Handler, path: string, init: RequestInit & { token: string; params?: Record<string, string> }) {
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${init.token}`);
  const response = await handler(new Request(`http://localhost${path}`, { ...init, headers, duplex: "half" } as RequestInit), {
    params: Promise.resolve(init.params ?? {}),
  });
  return { status: response.status, type: response.headers.get("content-type") ?? "", text: await response.text() };
}

let owner: ProjectCtx;
let token: string;
let viewerToken: string;

beforeAll(async () => {
  await makeUser();
  owner = await makeProject();
  token = (await createToken(owner, { name: "t", role: "member" })).token;
  viewerToken = (await createToken(await addMember(owner, "viewer"), { name: "v", role: "viewer" })).token;
});

const csv = "question,answer\r\n\"=cmd|' /C calc'!A0\",4\r\nWhat is 2+3?,5\r\n";
const mapping = encodeURIComponent(JSON.stringify({ question: "question", default_type: "qa", frq_correct: ["answer"] }));

describe("benchmark upload API", () => {
  it("uploads a raw CSV with a mapping in the query, then downloads it with formulas escaped", async () => {
    const res = await call(listRoute.POST as Handler, `/api/v1/benchmarks?key=api-csv&name=API%20CSV&csv_mapping=${mapping}`, {
      method: "POST",
      token,
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(res.status).toBe(201);
    const body = JSON.parse(res.text);
    expect(body.version).toMatchObject({ number: 1, task_count: 2 });
    const dl = await call(downloadRoute.GET as Handler, "/api/v1/x?format=csv", { token, params: { id: body.benchmark.id, number: "1" } });
    expect(dl.type).toContain("text/csv");
    expect(dl.text).toContain("'=cmd|");
    expect(dl.text).not.toMatch(/(^|,)=cmd/m);
    const jsonl = await call(downloadRoute.GET as Handler, "/api/v1/x", { token, params: { id: body.benchmark.id, number: "1" } });
    expect(jsonl.text.trim().split("\n")).toHaveLength(2);
  });

  it("takes JSON rows and data: URIs, and streams progress as NDJSON on request", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ question: `q${i}?`, answer: String(i) }));
    const res = await call(listRoute.POST as Handler, "/api/v1/benchmarks", {
      method: "POST",
      token,
      headers: { "content-type": "application/json", accept: "application/x-ndjson" },
      body: JSON.stringify({ key: "api-rows", name: "Rows", purpose: "eval/question-answer", source: { type: "rows", rows } }),
    });
    const events = res.text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(events.filter((e) => e.progress).map((e) => e.progress.rows)).toEqual([1000, 2000]);
    expect(events.at(-1).result.version.task_count).toBe(2500);
    const id = events.at(-1).result.benchmark.id;
    const uri = `data:application/jsonl;base64,${Buffer.from('{"question":"extra?","answer":"1"}\n').toString("base64")}`;
    const appended = await call(rowsRoute.POST as Handler, "/api/v1/x", {
      method: "POST",
      token,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ purpose: "eval/question-answer", source: { type: "uri", uri } }),
      params: { id, number: "1" },
    });
    expect(JSON.parse(appended.text).version).toMatchObject({ number: 2, task_count: 2501 });
    const page = await call(rowsRoute.GET as Handler, "/api/v1/x?start_index=2500&limit=10", { token, params: { id, number: "2" } });
    expect(JSON.parse(page.text)).toMatchObject({ has_more: false, next_start_index: 2501 });
  });

  it("answers problems, not crashes: dry run, unknown shape, oversize, viewer, bad params", async () => {
    const dry = await call(listRoute.POST as Handler, "/api/v1/benchmarks?key=dry&dry_run=true", {
      method: "POST",
      token,
      body: '{"input":"a","truth":"b"}\n{"input":"a"}\n',
    });
    expect(dry.status).toBe(200);
    expect(JSON.parse(dry.text).validation).toMatchObject({ valid: 1, errorRows: 1 });
    const unknown = await call(listRoute.POST as Handler, "/api/v1/benchmarks?key=odd", {
      method: "POST",
      token,
      body: '{"foo":1}\n{"foo":2}\n',
    });
    expect(unknown.status).toBe(422);
    expect(JSON.parse(unknown.text).detail).toMatch(/map the fields/);
    const big = await call(listRoute.POST as Handler, "/api/v1/benchmarks?key=big", {
      method: "POST",
      token,
      body: "x",
      headers: { "content-length": String(500 * 1024 * 1024) },
    });
    expect(big.status).toBe(413);
    const viewer = await call(listRoute.POST as Handler, "/api/v1/benchmarks?key=v", { method: "POST", token: viewerToken, body: "{}" });
    expect(viewer.status).toBe(403);
    const badKey = await call(listRoute.POST as Handler, "/api/v1/benchmarks?key=BAD%20KEY", {
      method: "POST",
      token,
      body: '{"input":"a","truth":"b"}',
    });
    expect(badKey.status).toBe(400);
    expect(JSON.parse(badKey.text).errors[0].path).toBe("key");
    const badVersion = await call(versionsRoute.POST as Handler, "/api/v1/x", {
      method: "POST",
      token,
      body: "{}",
      params: { id: "nope" },
    });
    expect(JSON.parse(badVersion.text).errors[0].path).toBe("params.id");
  });
});
