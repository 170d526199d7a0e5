// env() caches on first call: this file's uploads are limited to 1 MB.
process.env.YARDSTICK_MAX_UPLOAD_MB = "1";

import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/benchmarks/route";
import * as rowsRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/rows/route";
import { createToken } from "@/lib/services/tokens/tokens";
import { makeProject } from "../support/factories";
import { callRoute } from "../support/route-call";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

let token: string;
let benchmarkId: string;

beforeAll(async () => {
  token = (await createToken(await makeProject(), { name: "t", role: "member" })).token;
  const created = await callRoute(listRoute.POST, "/api/v1/benchmarks?key=lim&name=L", {
    method: "POST",
    token,
    body: { source: { type: "rows", rows: [{ question: "q?", answer: "a" }] } },
  });
  benchmarkId = (created.json as { benchmark: { id: string } }).benchmark.id;
});

describe("appending rows", () => {
  it("applies YARDSTICK_MAX_UPLOAD_MB to a streamed file without Content-Length, like an upload", async () => {
    const line = `${JSON.stringify({ question: "x".repeat(1000), answer: "a" })}\n`;
    const file = line.repeat(Math.ceil((2 * 1024 * 1024) / line.length));
    // No Content-Length: the body arrives as a stream, so only counting the bytes read can stop it.
    const request = new Request("http://localhost/api/v1/x?format=jsonl", {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/x-ndjson" },
      body: new Blob([file]).stream(),
      duplex: "half",
    } as RequestInit);
    const response = await (rowsRoute.POST as Handler)(request, { params: Promise.resolve({ id: benchmarkId, number: "1" }) });
    expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(413);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});
