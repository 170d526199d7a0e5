import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/v1/benchmark-generations/[id]/import/route";
import * as generationRoute from "@/app/api/v1/benchmark-generations/[id]/route";
import * as generationsRoute from "@/app/api/v1/benchmark-generations/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { auditLog, benchmarkTasks, benchmarkVersions, models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { quoteOccurs } from "@/lib/generation/passages";
import type { ApiGeneration } from "@/lib/services/generation/generations";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateModel } from "@/lib/validation/models";
import { startWorker } from "@/lib/worker";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { addMember, makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";
import { tinyPdf } from "../support/tiny-pdf";

// Three sections of ~1,000 characters: more than one passage each (1,500 at most), so three generation steps.
const section = (title: string, lead: string, k: number) =>
  [`## ${title}`, [lead, ...Array.from({ length: 20 }, (_, j) => `Harbour ${k} logged tide ${j + 1} at ${j + k} metres.`)].join(" ")].join(
    "\n\n",
  );
const DOCUMENT = [
  "# Tides",
  section("Gravity", "The Moon's gravity pulls the oceans toward it. This creates a bulge of water called a high tide.", 1),
  section("Rhythm", "Most coasts see two high tides and two low tides every lunar day.", 2),
  section("Spring tides", "When the Sun and the Moon line up, their pulls combine into stronger spring tides.", 3),
].join("\n\n");
const b64 = (text: string) => Buffer.from(text).toString("base64");

let ctx: ProjectCtx;
let token: string;
let simId: string;
let fake: FakeOpenAI;
let worker: Awaited<ReturnType<typeof startWorker>>;

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "admin", role: "admin" })).token;
  const [sim] = await db.select({ id: models.id }).from(models).where(eq(models.key, "yardstick/sim-strong"));
  simId = sim?.id as string;
  fake = await startFakeOpenAI();
  worker = await startWorker();
}, 60_000);

afterAll(async () => {
  await worker.stop();
  await fake.close();
});

const call = (
  handler: unknown,
  path: string,
  opts: { method?: string; body?: unknown; params?: Record<string, string>; token?: string } = {},
) => callRoute(handler, path, { token, ...opts });

async function generate(body: Record<string, unknown>): Promise<ApiGeneration> {
  const created = await call(generationsRoute.POST, "/api/v1/benchmark-generations", { method: "POST", body });
  expect(created.status).toBe(201);
  const id = (created.json as ApiGeneration).id;
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; ) {
    const g = (await call(generationRoute.GET, `/api/v1/benchmark-generations/${id}`, { params: { id } })).json as ApiGeneration;
    if (g.status !== "queued" && g.status !== "running") return g;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("generation did not finish");
}

describe("generated benchmarks", () => {
  it("a simulated model writes the same grounded tasks every time, which are reviewed and imported as a benchmark", async () => {
    const body = {
      model_id: simId,
      document: { name: "tides.md", content_base64: b64(DOCUMENT) },
      count: 5,
      types: ["MCQ", "FRQ", "bool"],
    };
    const g = await generate(body);
    expect(g).toMatchObject({ status: "completed", progress: { done: 3, total: 3 }, error: null });
    expect(g.tasks).toHaveLength(5);
    expect(g.tasks.map((t) => t.type)).toEqual(["MCQ", "FRQ", "bool", "MCQ", "FRQ"]);
    for (const t of g.tasks) expect(quoteOccurs(DOCUMENT, t.quote)).toBe(true);
    const again = await generate(body);
    const strip = (tasks: ApiGeneration["tasks"]) => tasks.map(({ id: _, ...t }) => t);
    expect(strip(again.tasks)).toEqual(strip(g.tasks));

    // Review: delete the last task, edit the first, reject the second.
    const [first, second, ...rest] = g.tasks;
    const reviewed = [{ ...first, question: "Edited: which word fills the blank?" }, { ...second, accepted: false }, ...rest.slice(0, -1)];
    const patched = await call(generationRoute.PATCH, `/api/v1/benchmark-generations/${g.id}`, {
      method: "PATCH",
      params: { id: g.id },
      body: { tasks: reviewed },
    });
    expect(patched.status).toBe(200);
    expect((patched.json as ApiGeneration).tasks).toHaveLength(4);

    const target = { create: { key: `gen-${ctx.project.key}`, name: "Tides quiz" } };
    const dry = await call(importRoute.POST, `/api/v1/benchmark-generations/${g.id}/import`, {
      method: "POST",
      params: { id: g.id },
      body: { target, dry_run: true },
    });
    expect(dry.json).toMatchObject({ dry_run: true, benchmark: null, validation: { total: 3, valid: 3, errorRows: 0 } });
    const imported = await call(importRoute.POST, `/api/v1/benchmark-generations/${g.id}/import`, {
      method: "POST",
      params: { id: g.id },
      body: { target },
    });
    expect(imported.status).toBe(200);
    const version = (imported.json as { version: { id: string; task_count: number } }).version;
    expect(version.task_count).toBe(3);
    const tasks = await db.select().from(benchmarkTasks).where(eq(benchmarkTasks.versionId, version.id)).orderBy(benchmarkTasks.position);
    expect(tasks[0]?.input).toBe("Edited: which word fills the blank?");
    expect(tasks[0]?.metadata).toMatchObject({ quote: first?.quote, source: "tides.md" });
    const again2 = await call(importRoute.POST, `/api/v1/benchmark-generations/${g.id}/import`, {
      method: "POST",
      params: { id: g.id },
      body: { target },
    });
    expect(again2.status).toBe(409);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.resourceId, g.id))).map((a) => a.action).sort();
    expect(actions).toEqual(["generation.create", "generation.import", "generation.review"]);
    const [v] = await db.select().from(benchmarkVersions).where(eq(benchmarkVersions.id, version.id));
    expect(v?.number).toBe(1);
  });

  it("generates through an OpenAI-compatible endpoint, keeping only tasks whose quote is in the document", async () => {
    const model = await createModel(ctx, CreateModel.parse({ key: `fake/gen-${ctx.project.key}`, name: "generator", api_url: fake.url }));
    const before = fake.requests.length;
    const g = await generate({
      model_id: model.id,
      document: { name: "tides.txt", content_base64: b64(DOCUMENT) },
      count: 4,
      types: ["FRQ"],
    });
    expect(g.status).toBe("completed");
    expect(fake.requests.length - before).toBe(3);
    expect(JSON.stringify(fake.requests.at(-1)?.body)).toContain("<passage>");
    expect(g.tasks).toHaveLength(4);
    expect(g.tasks[0]).toMatchObject({
      type: "FRQ",
      quote: "The Moon's gravity pulls the oceans toward it.",
      answer: "Moon's",
      accepted: true,
    });
    expect(g.rejected).toHaveLength(3);
    expect(g.rejected[0]).toContain("its quote does not occur in the document");
  });

  it("reads a PDF's text and grounds the tasks in it", async () => {
    const pdf = tinyPdf("Glaciers carve deep valleys into the mountains over thousands of years.");
    const g = await generate({
      model_id: simId,
      document: { name: "ice.pdf", content_base64: pdf.toString("base64") },
      count: 1,
      types: ["FRQ"],
    });
    expect(g).toMatchObject({
      status: "completed",
      tasks: [{ type: "FRQ", quote: "Glaciers carve deep valleys into the mountains over thousands of years." }],
    });
  });

  it("validates input and scopes generations to the project and role", async () => {
    const bad = await call(generationsRoute.POST, "/api/v1/benchmark-generations", {
      method: "POST",
      body: { model_id: simId, document: { name: "x.md", content_base64: b64("Some text here.") }, types: ["essay"] },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("types");
    const empty = await call(generationsRoute.POST, "/api/v1/benchmark-generations", {
      method: "POST",
      body: { model_id: simId, document: { name: "x.md", content_base64: b64("   \n\n  ") } },
    });
    expect(empty.status).toBe(422);
    const g = await generate({ model_id: simId, document: { name: "t.md", content_base64: b64(DOCUMENT) }, count: 1 });
    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "v", role: "viewer" })).token;
    expect((await call(generationRoute.GET, `/api/v1/benchmark-generations/${g.id}`, { params: { id: g.id }, token: viewer })).status).toBe(
      200,
    );
    const body = { model_id: simId, document: { name: "t.md", content_base64: b64(DOCUMENT) } };
    expect((await call(generationsRoute.POST, "/api/v1/benchmark-generations", { method: "POST", body, token: viewer })).status).toBe(403);
    const stranger = (await createToken(await makeProject(), { name: "s", role: "admin" })).token;
    expect(
      (await call(generationRoute.GET, `/api/v1/benchmark-generations/${g.id}`, { params: { id: g.id }, token: stranger })).status,
    ).toBe(404);
  });
});
