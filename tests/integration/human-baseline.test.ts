import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as answersRoute from "@/app/api/v1/human-sessions/[id]/answers/route";
import * as sessionRoute from "@/app/api/v1/human-sessions/[id]/route";
import * as sessionsRoute from "@/app/api/v1/human-sessions/route";
import * as leaderboardRoute from "@/app/api/v1/leaderboard/route";
import { db } from "@/db";
import { auditLog, models, runResults } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import type { Leaderboard } from "@/lib/reports/leaderboard";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createModel } from "@/lib/services/models/write";
import { createRun } from "@/lib/services/runs/create";
import { getRun } from "@/lib/services/runs/read";
import { createToken } from "@/lib/services/tokens/tokens";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateModel } from "@/lib/validation/models";
import { CreateRun } from "@/lib/validation/runs";
import { startWorker } from "@/lib/worker";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { addMember, makeProject } from "../support/factories";
import { callRoute } from "../support/route-call";
import { waitForRun } from "../support/runs";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();

const TASKS = [
  {
    type: "MCQ",
    input: "Which planet is largest?",
    truth: null,
    choices: { correct: ["Jupiter"], incorrect: ["Mars", "Venus", "Mercury"] },
  },
  { type: "bool", input: "Water boils at 100 °C at sea level.", truth: true },
  { type: "FRQ", input: "Name the capital of France.", truth: ["Paris"] },
  { type: "json", input: 'Return {"ok": true} as JSON.', truth: { ok: true } },
  { type: "qa", input: "What is 6 x 7?", truth: "42" },
];

type Session = {
  id: string;
  status: string;
  total: number;
  answered: number;
  task: {
    position: number;
    type: string;
    messages: { role: string; content: string }[];
    choices: { letter: string; text: string }[] | null;
  } | null;
};

let ctx: ProjectCtx;
let token: string;
let benchmarkId: string;
let fake: FakeOpenAI;
let worker: Awaited<ReturnType<typeof startWorker>>;
/** What the person answered, by the prompt they saw: the fake model gives the very same answers. */
const answersByPrompt = new Map<string, string>();

beforeAll(async () => {
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "owner", role: "admin" })).token;
  const imported = await importBenchmark(
    ctx,
    {
      create: { key: `human-${ctx.project.key}`, name: "Five kinds", description: "", categories: [], languages: [], visibility: "custom" },
    },
    bytes(TASKS.map((t) => JSON.stringify({ ...t, tags: [] })).join("\n")),
    ImportSettings.parse({}),
  );
  benchmarkId = imported.benchmark?.id as string;
  fake = await startFakeOpenAI({ answer: (body) => answersByPrompt.get(JSON.stringify(body.messages)) ?? "no idea" });
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await fake.close();
});

const post = (handler: unknown, path: string, body: unknown, params?: Record<string, string>, t = token) =>
  callRoute(handler, path, { token: t, method: "POST", body, params });

/** A person who knows everything except JSON: right on four kinds, wrong on the json task. */
function answerFor(task: NonNullable<Session["task"]>): string {
  if (task.type === "MCQ") return task.choices?.find((c) => c.text === "Jupiter")?.letter as string;
  if (task.type === "bool") return "true";
  if (task.type === "FRQ") return "paris";
  if (task.type === "json") return '{"ok": false}';
  return "42";
}

describe("human baselines", () => {
  it("scores a person's answers exactly as a model giving the same answers, and ranks them", async () => {
    const started = await post(sessionsRoute.POST, "/api/v1/human-sessions", { benchmark_id: benchmarkId });
    expect(started.status).toBe(201);
    const id = (started.json as { id: string }).id;
    let session = (await callRoute(sessionRoute.GET, `/api/v1/human-sessions/${id}`, { token, params: { id } })).json as Session;
    expect(session).toMatchObject({ status: "in_progress", total: 5, answered: 0 });
    // The MCQ is shown as the model sees it: the question followed by lettered choices.
    for (let i = 0; session.task; i++) {
      const task = session.task;
      if (task.type === "MCQ") expect(task.messages.at(-1)?.content).toMatch(/\nA\. .+\nB\. /);
      const answer = answerFor(task);
      answersByPrompt.set(JSON.stringify(task.messages), answer);
      if (i === 2) {
        // Leaving and coming back resumes the same session at the same task.
        const resumed = await post(sessionsRoute.POST, "/api/v1/human-sessions", { benchmark_id: benchmarkId });
        expect(resumed).toMatchObject({ status: 200, json: { id, resumed: true } });
      }
      const answered = await post(
        answersRoute.POST,
        `/api/v1/human-sessions/${id}/answers`,
        { position: task.position, answer, elapsed_ms: 1000 + i },
        { id },
      );
      expect(answered.status).toBe(200);
      session = answered.json as Session;
    }
    expect(session).toMatchObject({ status: "completed", answered: 5, task: null });

    const model = await createModel(
      ctx,
      CreateModel.parse({ key: `fake/same-${ctx.project.key}`, name: "same answers", api_url: fake.url }),
    );
    const { run } = await createRun(ctx, CreateRun.parse({ model_id: model.id, benchmark_id: benchmarkId }), "user");
    await waitForRun(ctx, run.id, ["completed"]);
    const results = async (runId: string) =>
      db
        .select({
          position: runResults.position,
          scores: runResults.scores,
          passed: runResults.passed,
          parsed: runResults.parsed,
          text: runResults.responseText,
        })
        .from(runResults)
        .where(eq(runResults.runId, runId))
        .orderBy(asc(runResults.position));
    const human = await results(id);
    expect(human).toEqual(await results(run.id));
    expect(human.map((r) => r.passed)).toEqual([true, true, true, false, true]);
    const humanRun = await getRun(ctx, id);
    const modelRun = await getRun(ctx, run.id);
    expect(humanRun.summary?.scorers).toEqual(modelRun.summary?.scorers);
    const latencies = await db.select({ ms: runResults.latencyMs }).from(runResults).where(eq(runResults.runId, id));
    expect(latencies.map((l) => l.ms).sort()).toEqual([1000, 1001, 1002, 1003, 1004]);

    const board = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard", { token })).json as Leaderboard;
    const mine = board.rows.find((r) => r.model.human);
    expect(mine?.model.name).toBe(`${ctx.actor.username} (human)`);
    expect(mine?.cells[benchmarkId]?.value).toBeCloseTo(0.8, 6);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.resourceId, id));
    expect(audit).toMatchObject({ action: "run.create", details: { human: true } });
  });

  it("keeps the first answer, records skips unscored, and refuses what does not belong", async () => {
    const sample = await post(sessionsRoute.POST, "/api/v1/human-sessions", { benchmark_id: benchmarkId, num_examples: 2, seed: 9 });
    expect(sample.status).toBe(201);
    const id = (sample.json as { id: string }).id;
    const first = ((await callRoute(sessionRoute.GET, `/api/v1/human-sessions/${id}`, { token, params: { id } })).json as Session).task;
    const position = first?.position as number;
    const skipped = await post(
      answersRoute.POST,
      `/api/v1/human-sessions/${id}/answers`,
      { position, skipped: true, elapsed_ms: 5 },
      { id },
    );
    expect(skipped.json).toMatchObject({ answered: 1, total: 2 });
    await post(answersRoute.POST, `/api/v1/human-sessions/${id}/answers`, { position, answer: "x", elapsed_ms: 5 }, { id });
    const rows = await db.select().from(runResults).where(eq(runResults.runId, id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "error", errorKind: "skipped", passed: null });

    const empty = await post(answersRoute.POST, `/api/v1/human-sessions/${id}/answers`, { position, elapsed_ms: 5 }, { id });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.json)).toContain("answer");
    const outside = await post(
      answersRoute.POST,
      `/api/v1/human-sessions/${id}/answers`,
      { position: 99, answer: "x", elapsed_ms: 1 },
      { id },
    );
    expect(outside.status).toBe(400);

    // Another member may read the session but not answer it; a viewer may not start one; another project sees nothing.
    const member = (await createToken(await addMember(ctx, "member"), { name: "m", role: "member" })).token;
    const other = await post(
      answersRoute.POST,
      `/api/v1/human-sessions/${id}/answers`,
      { position, answer: "x", elapsed_ms: 1 },
      { id },
      member,
    );
    expect(other.status).toBe(403);
    expect((await callRoute(sessionRoute.GET, `/api/v1/human-sessions/${id}`, { token: member, params: { id } })).json).toMatchObject({
      yours: false,
      task: null,
    });
    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "v", role: "viewer" })).token;
    expect((await post(sessionsRoute.POST, "/api/v1/human-sessions", { benchmark_id: benchmarkId }, undefined, viewer)).status).toBe(403);
    const stranger = (await createToken(await makeProject(), { name: "s", role: "admin" })).token;
    expect((await callRoute(sessionRoute.GET, `/api/v1/human-sessions/${id}`, { token: stranger, params: { id } })).status).toBe(404);

    // The human model is a person: the worker never runs it.
    const [human] = await db.select().from(models).where(eq(models.createdBy, ctx.actor.userId));
    const refused = await createRun(ctx, CreateRun.parse({ model_id: human?.id, benchmark_id: benchmarkId }), "user").catch(
      (e: Error) => e,
    );
    expect(refused).toMatchObject({ code: "unprocessable" });
  });
});
