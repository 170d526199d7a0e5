import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as benchmarkTagsRoute from "@/app/api/v1/benchmarks/[id]/tags/route";
import * as benchmarksRoute from "@/app/api/v1/benchmarks/route";
import * as leaderboardRoute from "@/app/api/v1/leaderboard/route";
import * as modelTagsRoute from "@/app/api/v1/models/[id]/tags/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as runTagsRoute from "@/app/api/v1/runs/[id]/tags/route";
import * as runsRoute from "@/app/api/v1/runs/route";
import * as scheduleTagsRoute from "@/app/api/v1/schedules/[id]/tags/route";
import * as schedulesRoute from "@/app/api/v1/schedules/route";
import * as tagsRoute from "@/app/api/v1/tags/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { auditLog, models, runs } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { ByteSource } from "@/lib/benchmarks/read/bytes";
import { finalizeRun } from "@/lib/jobs/finalize";
import { runChunk } from "@/lib/jobs/run-chunk";
import type { Leaderboard } from "@/lib/reports/leaderboard";
import { importBenchmark } from "@/lib/services/benchmarks/import";
import { createRun } from "@/lib/services/runs/create";
import { createSchedule } from "@/lib/services/schedules/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { CreateSchedule } from "@/lib/validation/automation";
import { ImportSettings } from "@/lib/validation/benchmarks";
import { CreateRun } from "@/lib/validation/runs";
import { addMember, makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";

const bytes = (text: string): ByteSource =>
  (async function* () {
    yield Buffer.from(text);
  })();

let ctx: ProjectCtx;
let token: string;
let strong: string;
let weak: string;
const benchmarkIds: string[] = [];
const runIds: string[] = [];

/** Runs a simulated model to completion in-process: no worker needed for a handful of tasks. */
async function completedRun(modelId: string, benchmarkId: string) {
  const { run } = await createRun(ctx, CreateRun.parse({ model_id: modelId, benchmark_id: benchmarkId }), "api");
  const [row] = await db.update(runs).set({ status: "in_progress" }).where(eq(runs.id, run.id)).returning();
  await runChunk({ runId: run.id, positions: row?.positions ?? [] });
  await finalizeRun({ runId: run.id });
  return run.id;
}

beforeAll(async () => {
  await makeUser();
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  ctx = await makeProject();
  token = (await createToken(ctx, { name: "admin", role: "admin" })).token;
  for (const key of ["yardstick/sim-strong", "yardstick/sim-weak"]) {
    const [m] = await db.select({ id: models.id }).from(models).where(eq(models.key, key));
    if (key.endsWith("strong")) strong = m?.id as string;
    else weak = m?.id as string;
  }
  for (const name of ["alpha", "beta"]) {
    const rows = Array.from({ length: 5 }, (_, i) => JSON.stringify({ input: `${name} ${i}?`, truth: String(i) })).join("\n");
    const imported = await importBenchmark(
      ctx,
      { create: { key: `${name}-${ctx.project.key}`, name, description: "", categories: [], languages: [], visibility: "custom" } },
      bytes(rows),
      ImportSettings.parse({}),
    );
    benchmarkIds.push(imported.benchmark?.id as string);
  }
  for (const model of [strong, weak]) for (const b of benchmarkIds) runIds.push(await completedRun(model, b));
}, 60_000);

const put = (handler: unknown, path: string, id: string, tags: unknown, t = token) =>
  callRoute(handler, path, { token: t, method: "PUT", params: { id }, body: { tags } });

describe("tags", () => {
  it("tags models, benchmarks and runs per project and filters lists and the leaderboard by them", async () => {
    const set = await put(modelTagsRoute.PUT, `/api/v1/models/${strong}/tags`, strong, ["frontier", " frontier ", "prod"]);
    expect(set).toMatchObject({ status: 200, json: { tags: ["frontier", "prod"] } });
    await put(benchmarkTagsRoute.PUT, `/api/v1/benchmarks/${benchmarkIds[0]}/tags`, benchmarkIds[0] as string, ["core"]);
    await put(runTagsRoute.PUT, `/api/v1/runs/${runIds[1]}/tags`, runIds[1] as string, ["nightly"]);

    const listed = (await callRoute(modelsRoute.GET, "/api/v1/models?tag=frontier,prod", { token })).json as {
      items: { id: string; tags: string[] }[];
    };
    expect(listed.items.map((m) => m.id)).toEqual([strong]);
    expect(listed.items[0]?.tags).toEqual(["frontier", "prod"]);
    const none = (await callRoute(modelsRoute.GET, "/api/v1/models?tag=frontier,nope", { token })).json as { items: unknown[] };
    expect(none.items).toEqual([]);
    const benches = (await callRoute(benchmarksRoute.GET, "/api/v1/benchmarks?tag=core", { token })).json as { items: { id: string }[] };
    expect(benches.items.map((b) => b.id)).toEqual([benchmarkIds[0]]);
    const tagged = (await callRoute(runsRoute.GET, "/api/v1/runs?tag=nightly", { token })).json as {
      items: { id: string; tags: string[] }[];
    };
    expect(tagged.items).toMatchObject([{ id: runIds[1], tags: ["nightly"] }]);

    const board = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard?model_tag=frontier&benchmark_tag=core", { token }))
      .json as Leaderboard;
    expect(board.rows.map((r) => r.model.id)).toEqual([strong]);
    expect(board.benchmarks.map((b) => b.id)).toEqual([benchmarkIds[0]]);
    const all = (await callRoute(leaderboardRoute.GET, "/api/v1/leaderboard", { token })).json as Leaderboard;
    expect(all.rows).toHaveLength(2);

    const counts = (await callRoute(tagsRoute.GET, "/api/v1/tags", { token })).json;
    expect(counts).toEqual([
      { type: "model", tag: "frontier", count: 1 },
      { type: "model", tag: "prod", count: 1 },
      { type: "benchmark", tag: "core", count: 1 },
      { type: "run", tag: "nightly", count: 1 },
    ]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "model.tags"));
    expect(audit?.details).toEqual({ before: [], after: ["frontier", "prod"] });

    // Replacing the list removes what is left out.
    await put(modelTagsRoute.PUT, `/api/v1/models/${strong}/tags`, strong, ["prod"]);
    expect((await callRoute(modelTagsRoute.GET, `/api/v1/models/${strong}/tags`, { token, params: { id: strong } })).json).toEqual({
      tags: ["prod"],
    });
  });

  it("keeps tags to their project and role, and validates them", async () => {
    const bad = await put(modelTagsRoute.PUT, `/api/v1/models/${weak}/tags`, weak, ["a,b"]);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("tags.0");
    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "v", role: "viewer" })).token;
    expect((await put(modelTagsRoute.PUT, `/api/v1/models/${weak}/tags`, weak, ["x"], viewer)).status).toBe(403);
    const other = await makeProject();
    const otherToken = (await createToken(other, { name: "o", role: "admin" })).token;
    // The public model is visible elsewhere, but this project's tags are not.
    expect(
      (await callRoute(modelTagsRoute.GET, `/api/v1/models/${strong}/tags`, { token: otherToken, params: { id: strong } })).json,
    ).toEqual({ tags: [] });
    expect((await put(runTagsRoute.PUT, `/api/v1/runs/${runIds[0]}/tags`, runIds[0] as string, ["x"], otherToken)).status).toBe(404);
    expect(
      (await put(benchmarkTagsRoute.PUT, `/api/v1/benchmarks/${benchmarkIds[0]}/tags`, benchmarkIds[0] as string, ["x"], otherToken))
        .status,
    ).toBe(404);
  });

  it("tags schedules in their project and filters the schedule list by them", async () => {
    const schedule = (name: string) =>
      createSchedule(
        ctx,
        CreateSchedule.parse({
          name,
          model_ids: [strong],
          benchmark_ids: [benchmarkIds[0]],
          cadence: { kind: "cron", expression: "0 3 * * *", timezone: "UTC" },
        }),
      );
    const [nightly, weekly] = [await schedule("nightly"), await schedule("weekly")];
    const path = `/api/v1/schedules/${nightly.id}/tags`;
    expect(await put(scheduleTagsRoute.PUT, path, nightly.id, ["prod", "eu"])).toMatchObject({
      status: 200,
      json: { tags: ["eu", "prod"] },
    });
    await put(scheduleTagsRoute.PUT, `/api/v1/schedules/${weekly.id}/tags`, weekly.id, ["prod"]);
    expect((await callRoute(scheduleTagsRoute.GET, path, { token, params: { id: nightly.id } })).json).toEqual({ tags: ["eu", "prod"] });

    type Listed = { id: string; tags: string[] }[];
    const both = (await callRoute(schedulesRoute.GET, "/api/v1/schedules?tag=prod", { token })).json as Listed;
    expect(both.map((s) => s.id).sort()).toEqual([nightly.id, weekly.id].sort());
    const eu = (await callRoute(schedulesRoute.GET, "/api/v1/schedules?tag=prod,eu", { token })).json as Listed;
    expect(eu).toMatchObject([{ id: nightly.id, tags: ["eu", "prod"] }]);
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "schedule.tags"));
    expect(audit).toMatchObject({ resourceId: nightly.id, details: { before: [], after: ["eu", "prod"] } });

    const viewer = (await createToken(await addMember(ctx, "viewer"), { name: "sv", role: "viewer" })).token;
    expect((await put(scheduleTagsRoute.PUT, path, nightly.id, ["x"], viewer)).status).toBe(403);
    const other = await makeProject();
    const otherToken = (await createToken(other, { name: "so", role: "admin" })).token;
    expect((await put(scheduleTagsRoute.PUT, path, nightly.id, ["x"], otherToken)).status).toBe(404);
    expect((await callRoute(scheduleTagsRoute.GET, path, { token: otherToken, params: { id: nightly.id } })).status).toBe(404);
    expect((await callRoute(schedulesRoute.GET, "/api/v1/schedules?tag=prod", { token: otherToken })).json).toEqual([]);
  });
});
