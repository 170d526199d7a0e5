import { and, eq, isNull } from "drizzle-orm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/v1/ab-tests/[key]/cancel/route";
import * as exportRoute from "@/app/api/v1/ab-tests/[key]/export/route";
import * as testRoute from "@/app/api/v1/ab-tests/[key]/route";
import * as testsRoute from "@/app/api/v1/ab-tests/route";
import * as chatRoute from "@/app/api/v1/chat/completions/route";
import * as metricRoute from "@/app/api/v1/feedback/metric/route";
import * as preferenceRoute from "@/app/api/v1/feedback/preference/route";
import { db } from "@/db";
import { auditLog, interactions, useCaseModels } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { chooseArm } from "@/lib/scoring/ab/assignment";
import { nextLabellingPair, recordLabel } from "@/lib/services/ab-tests/labelling";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { flushInteractions } from "@/lib/services/interactions/log-buffer";
import { CreateFeedbackKey } from "@/lib/validation/feedback";
import { addMember, makeProject } from "../support/factories";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeModel, makeUseCase, tokenFor } from "../support/online";
import { callRoute } from "../support/route-call";
import { type RouteServer, startRouteServer } from "@/lib/server/route-server";

let ctx: ProjectCtx;
let server: RouteServer;
let fakes: FakeOpenAI[];
const t: Record<string, string> = {};
const m: Record<string, { id: string; key: string }> = {};
type Json = Record<string, unknown>;

const sdk = (useCase: string) =>
  new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey: t.member, maxRetries: 0, defaultHeaders: { "X-Yardstick-Use-Case": useCase } });

/** One chat call for `model`; returns the completion id and the model that answered. */
async function ask(useCase: string, extra: Record<string, unknown> = {}, model = "default") {
  const { data, response } = await sdk(useCase)
    .chat.completions.create({ model, messages: [{ role: "user", content: "Hello" }], ...extra } as never)
    .withResponse();
  return { id: (data as { id: string }).id, model: response.headers.get("x-yardstick-model") as string };
}

const create = (body: Json, token = t.admin) => callRoute(testsRoute.POST, "/api/v1/ab-tests", { token, method: "POST", body });
const get = (key: string, token = t.viewer) => callRoute(testRoute.GET, `/api/v1/ab-tests/${key}`, { token, params: { key } });
const feedback = (completion_id: string, value: number | boolean, user?: string) =>
  callRoute(metricRoute.POST, "/api/v1/feedback/metric", {
    token: t.member,
    method: "POST",
    body: { completion_id, feedback_key: "thumbs_up", value, user },
  });

async function testInteractions(testId: string) {
  await flushInteractions();
  return db.select().from(interactions).where(eq(interactions.abTestId, testId));
}

beforeAll(async () => {
  fakes = await Promise.all(
    ["I am the control.", "I am the challenger.", "I am the third."].map((text) => startFakeOpenAI({ answer: () => text })),
  );
  ctx = await makeProject();
  t.admin = await tokenFor(ctx, "admin");
  t.member = await tokenFor(await addMember(ctx, "member"), "member");
  t.viewer = await tokenFor(await addMember(ctx, "viewer"), "viewer");
  t.other = await tokenFor(await makeProject(), "admin");
  const p = ctx.project.key;
  m.a = await makeModel(ctx, `${p}/control`, fakes[0]?.url as string);
  m.b = await makeModel(ctx, `${p}/challenger`, fakes[1]?.url as string);
  m.c = await makeModel(ctx, `${p}/third`, fakes[2]?.url as string);
  for (const uc of ["split", "sticky", "deploy", "srm", "prefs", "prefs-done", "cancel"])
    await makeUseCase(ctx, uc, [m.a, m.b, m.c] as { id: string }[]);
  await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: "thumbs_up", kind: "bool" }));
  await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: "better", kind: "bool" }));
  server = await startRouteServer({ "/api/v1/chat/completions": chatRoute });
});

afterAll(async () => {
  await server?.close();
  await Promise.all((fakes ?? []).map((f) => f.close()));
});

const base = (key: string, useCase: string, extra: Json = {}) => ({
  key,
  use_case: useCase,
  feedback_key: "thumbs_up",
  models: [m.b?.key],
  traffic_split: 1,
  feedback_type: "metric",
  ...extra,
});

describe("creating A/B tests", () => {
  it("validates every field, needs the admin role and allows one running test per use case", async () => {
    const bad = await create(base("bad", "split", { traffic_split: 2 }));
    expect(bad.status).toBe(400);
    expect((bad.json as Json).errors).toEqual([expect.objectContaining({ path: "traffic_split" })]);
    const unknown = await create(base("bad", "split", { models: ["nope"] }));
    expect(unknown.status).toBe(400);
    expect((unknown.json as Json).errors).toEqual([expect.objectContaining({ path: "models" })]);
    const noKey = await create(base("bad", "split", { feedback_key: "missing" }));
    expect(noKey.status).toBe(404);
    expect((await create(base("x", "split"), t.member)).status).toBe(403);

    const created = await create(base("split-test", "split", { traffic_split: 0.3 }));
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({
      key: "split-test",
      status: "running",
      arms: [expect.objectContaining({ arm: "A", model: m.a?.key }), expect.objectContaining({ arm: "B", model: m.b?.key })],
    });
    const second = await create(base("second", "split"));
    expect(second.status).toBe(409);
    expect((second.json as Json).detail).toContain('"split-test"');
    const audit = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.projectId, ctx.project.id), eq(auditLog.action, "ab_test.create")));
    expect(audit.length).toBe(1);
  });

  it("is visible to the project only", async () => {
    expect((await get("split-test", t.other)).status).toBe(404);
    const list = await callRoute(testsRoute.GET, "/api/v1/ab-tests?active=true", { token: t.viewer });
    expect((list.json as { items: Json[] }).items.map((i) => i.key)).toContain("split-test");
    expect(
      (
        await callRoute(cancelRoute.POST, "/api/v1/ab-tests/split-test/cancel", {
          token: t.viewer,
          method: "POST",
          params: { key: "split-test" },
        })
      ).status,
    ).toBe(403);
  });
});

describe("routing in the gateway", () => {
  it("sends traffic_split of the `model: default` requests into the test, split evenly over the arms", async () => {
    const created = (await get("split-test")).json as Json;
    const calls = [];
    for (let i = 0; i < 20; i++) calls.push(Promise.all(Array.from({ length: 20 }, () => ask("split"))));
    await Promise.all(calls);
    const joined = await testInteractions(created.id as string);
    // 400 requests at 30%: Binomial(400, 0.3) has mean 120 and sd 9.2; ±4 sd.
    expect(Math.abs(joined.length - 120)).toBeLessThan(37);
    const onB = joined.filter((i) => i.abArm === "B").length;
    expect(Math.abs(onB - joined.length / 2)).toBeLessThan(4 * Math.sqrt(joined.length / 4) + 1);
    expect(joined.every((i) => (i.abArm === "A" ? i.modelId === m.a?.id : i.modelId === m.b?.id))).toBe(true);
    const stats = (await get("split-test")).json as { arms: Json[] };
    expect(stats.arms.map((a) => a.assigned)).toEqual([joined.length - onB, onB]);
  });

  it("keeps a user on one model, puts ab_campaign requests in regardless of the split, never explicit models", async () => {
    const created = (await create(base("sticky-test", "sticky", { traffic_split: 0, models: [m.b?.key, m.c?.key] }))).json as Json;
    expect((await ask("sticky", { user: "u1" })).model).toBe(m.a?.key);
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) seen.add((await ask("sticky", { user: "alice", ab_campaign: "sticky-test" })).model);
    expect(seen.size).toBe(1);
    const expected = [m.a, m.b, m.c][chooseArm({ testKey: "sticky-test", user: "alice" }, 3)]?.key;
    expect([...seen]).toEqual([expected]);
    await ask("sticky", { ab_campaign: "sticky-test" }, m.c?.key as string);
    const joined = await testInteractions(created.id as string);
    expect(joined.length).toBe(8);
    const explicit = await db
      .select()
      .from(interactions)
      .where(and(eq(interactions.modelId, m.c?.id as string), isNull(interactions.abTestId), eq(interactions.projectId, ctx.project.id)));
    expect(explicit.length).toBeGreaterThanOrEqual(1);
  });
});

describe("feedback, verdict and auto-deploy", () => {
  it("counts one value per interaction and user, and completes with the winner deployed", async () => {
    await create(base("deploy-test", "deploy", { min_samples_per_arm: 20, auto_deploy: true }));
    const calls = await Promise.all(Array.from({ length: 60 }, (_, i) => ask("deploy", { user: `user-${i}` })));
    const first = calls[0] as { id: string; model: string };
    await feedback(first.id, 1, "user-0");
    await feedback(first.id, 1, "user-0");
    await feedback(first.id, first.model === m.b?.key ? 1 : 0, "user-0"); // latest wins
    let stats = (await get("deploy-test")).json as Json & { arms: Json[] };
    expect(stats.arms.reduce((s, a) => s + (a.n as number), 0)).toBe(1);
    for (const [i, call] of calls.entries()) {
      if (i === 0) continue;
      const response = await feedback(call.id, call.model === m.b?.key, `user-${i}`);
      expect(response.status).toBe(201);
    }
    stats = (await get("deploy-test")).json as typeof stats;
    expect(stats).toMatchObject({ status: "completed", outcome: "winner", winner: "B", note: null });
    expect(stats.deployed_at).not.toBeNull();
    const [defaultModel] = await db
      .select({ modelId: useCaseModels.modelId })
      .from(useCaseModels)
      .where(
        and(
          eq(useCaseModels.isDefault, true),
          eq(useCaseModels.useCaseId, (await testInteractions(stats.id as string))[0]?.useCaseId as string),
        ),
      );
    expect(defaultModel?.modelId).toBe(m.b?.id);
    expect((await ask("deploy")).model).toBe(m.b?.key);
    const actions = (await db.select().from(auditLog).where(eq(auditLog.projectId, ctx.project.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["ab_test.complete", "use_case.default_model"]));
  });

  it("warns of a sample ratio mismatch and then refuses to auto-deploy", async () => {
    await create(base("srm-test", "srm", { min_samples_per_arm: 5, auto_deploy: true }));
    // Users hashed to arm A, many more than to arm B: the split is forced off 50/50.
    const users = Array.from({ length: 400 }, (_, i) => `srm-${i}`);
    const onA = users.filter((u) => chooseArm({ testKey: "srm-test", user: u }, 2) === 0).slice(0, 60);
    const onB = users.filter((u) => chooseArm({ testKey: "srm-test", user: u }, 2) === 1).slice(0, 10);
    const a = await Promise.all(onA.map((user) => ask("srm", { user })));
    const b = await Promise.all(onB.map((user) => ask("srm", { user })));
    await flushInteractions();
    const running = (await get("srm-test")).json as { srm: Json };
    expect(running.srm.warning).toBe(true);
    for (const [i, call] of a.entries()) await feedback(call.id, 0, onA[i]);
    for (const [i, call] of b.entries()) await feedback(call.id, 1, onB[i]);
    const done = (await get("srm-test")).json as Json;
    expect(done).toMatchObject({ status: "completed", winner: "B", deployed_at: null });
    expect(done.note).toContain("sample ratio mismatch");
    expect((await ask("srm")).model).toBe(m.a?.key);
  });
});

describe("preference tests", () => {
  it("count a preference between completions of two arms and fit strengths", async () => {
    await create(base("prefs-test", "prefs", { feedback_type: "preference", feedback_key: "better", min_samples_per_arm: 1000 }));
    const calls = await Promise.all(Array.from({ length: 40 }, () => ask("prefs", { ab_campaign: "prefs-test" })));
    const onA = calls.filter((c) => c.model === m.a?.key);
    const onB = calls.filter((c) => c.model === m.b?.key);
    const pairs = Math.min(onA.length, onB.length);
    for (let i = 0; i < pairs; i++) {
      const body = {
        feedback_key: "better",
        preferred_completion: onB[i]?.id,
        other_completion: onA[i]?.id,
        tied: i % 4 === 0,
        user: "judge",
      };
      expect((await callRoute(preferenceRoute.POST, "/api/v1/feedback/preference", { token: t.member, method: "POST", body })).status).toBe(
        201,
      );
    }
    // The same judge again on the first pair: replaces, does not add.
    const again = { feedback_key: "better", preferred_completion: onB[0]?.id, other_completion: onA[0]?.id, tied: false, user: "judge" };
    await callRoute(preferenceRoute.POST, "/api/v1/feedback/preference", { token: t.member, method: "POST", body: again });
    const stats = (await get("prefs-test")).json as {
      status: string;
      preference: { arms: Json[]; win_rates: { n: number; rate: number }[][] };
    };
    expect(stats.status).toBe("running");
    expect(stats.preference.win_rates[1]?.[0]?.n).toBe(pairs);
    const ties = Math.ceil(pairs / 4) - 1;
    expect(stats.preference.win_rates[1]?.[0]?.rate).toBeCloseTo((pairs - ties + ties / 2) / pairs, 9);
    expect((stats.preference.arms[1]?.strength as number) > (stats.preference.arms[0]?.strength as number)).toBe(true);
  });

  it("complete with the only rank-1 arm once every arm has min_samples_per_arm comparisons", async () => {
    await create(
      base("prefs-done-test", "prefs-done", {
        feedback_type: "preference",
        feedback_key: "better",
        min_samples_per_arm: 10,
        auto_deploy: true,
      }),
    );
    const pairs = [];
    for (let i = 0; i < 12; i++)
      pairs.push(await Promise.all(["A", "B"].map((arm) => ask("prefs-done", { ab_campaign: "prefs-done-test", ab_arm: arm }))));
    for (const [i, [a, b]] of pairs.entries()) {
      const body = { feedback_key: "better", preferred_completion: b?.id, other_completion: a?.id, user: `judge-${i}` };
      expect((await callRoute(preferenceRoute.POST, "/api/v1/feedback/preference", { token: t.member, method: "POST", body })).status).toBe(
        201,
      );
    }
    const stats = (await get("prefs-done-test")).json as Json & { preference: { arms: Json[] } };
    expect(stats).toMatchObject({ status: "completed", outcome: "winner", winner: "B" });
    expect(stats.preference.arms.map((a) => a.rank)).toEqual([2, 1]);
    expect(stats.deployed_at).not.toBeNull();
  });
});

describe("side-by-side labelling", () => {
  it("asks two different arms through the gateway, blind, and records the choice as preference feedback", async () => {
    const member = await addMember(ctx, "member");
    const before = (await get("prefs-test")).json as { preference: { win_rates: { n: number }[][] } };
    const pair = await nextLabellingPair(member, "prefs-test", () => 0.1);
    expect(pair.prompt).toEqual([{ role: "user", content: "Hello" }]);
    const texts = pair.answers.map((a) => a.text).sort();
    expect(texts).toEqual(["I am the challenger.", "I am the control."]);
    const ids = pair.answers.map((a) => a.completion_id) as [string, string];
    await recordLabel(member, "prefs-test", { shown: ids, choice: pair.answers[0]?.text === "I am the challenger." ? "first" : "second" });
    const after = (await get("prefs-test")).json as typeof before;
    expect(after.preference.win_rates[1]?.[0]?.n).toBe((before.preference.win_rates[1]?.[0]?.n ?? 0) + 1);
    await expect(nextLabellingPair(member, "deploy-test")).rejects.toThrow(/metric feedback/);
  });
});

describe("cancel and export", () => {
  it("cancels a running test (audited); its traffic returns to the default; a second cancel is a 409", async () => {
    const created = (await create(base("cancel-test", "cancel"))).json as Json;
    const call = await ask("cancel", { user: "bob" });
    await feedback(call.id, 1, "bob");
    const cancel = () =>
      callRoute(cancelRoute.POST, "/api/v1/ab-tests/cancel-test/cancel", {
        token: t.admin,
        method: "POST",
        params: { key: "cancel-test" },
      });
    expect(((await cancel()).json as Json).status).toBe("cancelled");
    expect((await cancel()).status).toBe(409);
    await ask("cancel");
    expect((await testInteractions(created.id as string)).length).toBe(1);

    const csv = await callRoute(exportRoute.GET, "/api/v1/ab-tests/cancel-test/export?format=csv", {
      token: t.viewer,
      params: { key: "cancel-test" },
    });
    expect(csv.type).toContain("text/csv");
    expect(csv.text.split("\r\n")[0]).toBe(
      "arm,model,assigned,n,value,ci_low,ci_high,method,difference,difference_ci_low,difference_ci_high,sequence_ci_low,sequence_ci_high",
    );
    const rows = await callRoute(exportRoute.GET, "/api/v1/ab-tests/cancel-test/export?include=interactions", {
      token: t.viewer,
      params: { key: "cancel-test" },
    });
    expect(JSON.parse(rows.text)).toMatchObject({
      test: "cancel-test",
      interactions: [{ completion_id: call.id, user: "bob", feedback: [{ user: "bob", value: 1 }] }],
    });
    const badFormat = await callRoute(exportRoute.GET, "/api/v1/ab-tests/cancel-test/export?format=xml", {
      token: t.viewer,
      params: { key: "cancel-test" },
    });
    expect(badFormat.status).toBe(400);
  });
});
