import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import * as listRoute from "@/app/api/v1/benchmarks/route";
import * as rowsRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/rows/route";
import * as taskRoute from "@/app/api/v1/benchmarks/[id]/versions/[number]/tasks/[position]/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as tokensRoute from "@/app/api/v1/project/tokens/route";
import * as tokenLogin from "@/app/api/v1/auth/token/route";
import type { ProjectCtx } from "@/lib/auth/context";
import { openTaskCopy } from "@/lib/services/benchmarks/copy-tasks";
import { toRow } from "@/lib/services/benchmarks/task-rows";
import { createToken } from "@/lib/services/tokens/tokens";
import { makeProject } from "../support/factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const NUL = "\u0000";
const LONE = "\ud800";

/** One request with a deadline: a request that never answers fails the test instead of hanging it. */
async function call(
  handler: unknown,
  path: string,
  init: { method?: string; body?: string; type?: string; params?: Record<string, string> },
) {
  const headers = new Headers({ authorization: `Bearer ${token}`, "content-type": init.type ?? "application/json" });
  const request = new Request(`http://localhost${path}`, { method: init.method ?? "GET", headers, body: init.body });
  const pending = (handler as Handler)(request, { params: Promise.resolve(init.params ?? {}) }).then(async (r) => ({
    status: r.status,
    text: await r.text(),
  }));
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer: ${path}`)), 8000));
  return Promise.race([pending, timeout]);
}

let ctx: ProjectCtx;
let token: string;
let benchmarkId: string;

beforeAll(async () => {
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "t", role: "admin" })).token;
  const res = await call(listRoute.POST, "/api/v1/benchmarks", {
    method: "POST",
    body: JSON.stringify({
      key: "hostile",
      name: "Hostile",
      purpose: "eval/question-answer",
      source: { type: "rows", rows: [{ question: "q?", answer: "a" }] },
    }),
  });
  benchmarkId = JSON.parse(res.text).benchmark.id;
});

const inTransaction = async () => {
  const rows = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
  );
  return rows[0]?.n;
};

describe("NUL characters and lone surrogates", () => {
  it("are refused with the row or field named, and no request leaves a transaction open", async () => {
    const rows = (value: string) =>
      JSON.stringify({ purpose: "eval/question-answer", source: { type: "rows", rows: [{ question: value, answer: "a" }] } });
    const csv = `question,answer\r\nq${NUL}x,a\r\n`;
    const task = (input: string) => JSON.stringify({ task: { type: "qa", input, truth: "a" } });
    const requests = [
      () => call(listRoute.POST, "/api/v1/benchmarks?key=nul-a&name=N", { method: "POST", body: rows(`a${NUL}b`) }),
      () => call(listRoute.POST, "/api/v1/benchmarks?key=sur-a&name=N", { method: "POST", body: rows(`${LONE}x`) }),
      () => call(listRoute.POST, `/api/v1/benchmarks?key=nul-csv&name=N&format=csv`, { method: "POST", body: csv, type: "text/csv" }),
      () => call(listRoute.POST, `/api/v1/benchmarks?key=nul${encodeURIComponent(NUL)}&name=N`, { method: "POST", body: rows("q") }),
      () => call(rowsRoute.POST, "/x", { method: "POST", body: rows(`a${NUL}b`), params: { id: benchmarkId, number: "1" } }),
      () => call(rowsRoute.POST, "/x", { method: "POST", body: rows(`${LONE}`), params: { id: benchmarkId, number: "1" } }),
      () =>
        call(taskRoute.PATCH, "/x", { method: "PATCH", body: task(`${LONE}x`), params: { id: benchmarkId, number: "1", position: "1" } }),
      () =>
        call(taskRoute.PATCH, "/x", { method: "PATCH", body: task(`a${NUL}`), params: { id: benchmarkId, number: "1", position: "1" } }),
      () => call(tokensRoute.POST, "/x", { method: "POST", body: JSON.stringify({ name: `t${LONE}` }) }),
      () => call(tokensRoute.POST, "/x", { method: "POST", body: JSON.stringify({ name: `t${NUL}` }) }),
      () => call(modelsRoute.GET, `/api/v1/models?q=${encodeURIComponent(NUL)}`, {}),
      () => call(modelsRoute.GET, `/api/v1/models?company=a${encodeURIComponent(NUL)}`, {}),
      () => call(tokenLogin.POST, "/x", { method: "POST", body: JSON.stringify({ login: `a${NUL}`, password: "x", name: "n" }) }),
      () => call(tokenLogin.POST, "/x", { method: "POST", body: JSON.stringify({ login: `a${LONE}`, password: "x", name: "n" }) }),
      () => call(listRoute.POST, "/api/v1/benchmarks?key=nul-b&name=N", { method: "POST", body: rows(`b${NUL}`) }),
    ];
    const answers = [];
    for (const send of requests) answers.push(await send());
    for (const answer of answers) {
      expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
      expect(answer.status, answer.text).toBeLessThan(500);
      expect(answer.text).toMatch(/NUL|surrogate/);
    }
    expect(JSON.parse(answers[0]?.text ?? "{}").errors[0].path).toBe("source.rows.0.question");
    expect(JSON.parse(answers[2]?.text ?? "{}").errors[0]).toMatchObject({ path: "row 2" });
    expect(JSON.parse(answers[6]?.text ?? "{}").errors[0].path).toBe("task.input");
    expect(await inTransaction()).toBe(0);
    expect((await db.execute(sql`select 1 as ok`))[0]).toEqual({ ok: 1 });
  });

  it("a COPY the database refuses rolls its transaction back and frees the connection", async () => {
    const [version] = await db.execute<{ id: string }>(sql`select id from benchmark_versions limit 1`);
    for (let i = 0; i < 12; i++) {
      const attempt = db.transaction(async (tx) => {
        const copy = await openTaskCopy(tx);
        await copy.write(
          toRow(
            { type: "qa", input: `a${NUL}b`, truth: "a", tags: [], redacted: false, metadata: {} },
            version?.id as string,
            10_000 + i,
            `k${i}`,
          ),
        );
        await copy.end();
      });
      await expect(Promise.race([attempt, new Promise((r) => setTimeout(() => r("hang"), 8000))])).rejects.toThrow();
    }
    expect(await inTransaction()).toBe(0);
    expect((await db.execute(sql`select 1 as ok`))[0]).toEqual({ ok: 1 });
  });
});
