import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/v1/benchmarks/route";
import * as downloadRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/download/route";
import * as tasksRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/tasks/route";
import * as expressionRoute from "@/app/api/v1/expressions/test/route";
import type { ProjectCtx } from "@/lib/auth/context";
import { createToken } from "@/lib/services/tokens/tokens";
import { callRoute } from "../support/route-call";
import { addMember, makeProject } from "../support/factories";

const ORIGINAL = "What is the secret original question?";
const PARAPHRASE = "Say the reworded question";
let owner: ProjectCtx;
const tokens: Record<string, string> = {};
let benchmarkId: string;

beforeAll(async () => {
  owner = await makeProject();
  tokens.admin = (await createToken(owner, { name: "a", role: "admin" })).token;
  for (const role of ["member", "viewer"] as const) {
    tokens[role] = (await createToken(await addMember(owner, role), { name: role, role })).token;
  }
  const rows = [{ type: "qa", input: ORIGINAL, truth: "42", tags: [], paraphrases: [PARAPHRASE], answer_paraphrases: ["forty-two"] }];
  const created = await callRoute(listRoute.POST, "/api/v1/benchmarks?key=para&name=Para", {
    method: "POST",
    token: tokens.admin,
    body: { source: { type: "rows", rows } },
  });
  expect(created.status, created.text).toBe(201);
  benchmarkId = (created.json as { benchmark: { id: string } }).benchmark.id;
});

describe("paraphrase originals", () => {
  it.each(["member", "viewer"])("stay hidden from a %s in JSONL and CSV downloads, as in the task API", async (role) => {
    for (const format of ["jsonl", "csv"]) {
      const res = await callRoute(downloadRoute.GET, `/x?format=${format}`, {
        token: tokens[role],
        params: { id: benchmarkId, number: "1" },
      });
      expect(res.status).toBe(200);
      expect(res.text, res.text).toContain(PARAPHRASE);
      expect(res.text, res.text).not.toContain(ORIGINAL);
      expect(res.text).not.toContain("forty-two");
    }
  });

  it("cannot be confirmed by a viewer's task search, which admins can still use", async () => {
    const search = (role: string) =>
      callRoute(tasksRoute.GET, `/x?q=${encodeURIComponent("secret original")}`, {
        token: tokens[role],
        params: { id: benchmarkId, number: "1" },
      });
    expect(((await search("viewer")).json as { count: number }).count).toBe(0);
    expect(((await search("admin")).json as { count: number }).count).toBe(1);
  });

  it("are in an admin's download", async () => {
    const res = await callRoute(downloadRoute.GET, "/x?format=jsonl", { token: tokens.admin, params: { id: benchmarkId, number: "1" } });
    expect(res.text).toContain(ORIGINAL);
  });

  it("stay hidden from a viewer testing an expression against the task", async () => {
    const res = await callRoute(expressionRoute.POST, "/x", {
      method: "POST",
      token: tokens.viewer,
      body: { stage: "parsing", source: "task.input", task: { benchmark_id: benchmarkId, version: 1, position: 1 }, response: "x" },
    });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain(ORIGINAL);
  });
});
