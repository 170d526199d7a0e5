import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as feedbackKeysRoute from "@/app/api/v1/feedback-keys/route";
import * as metricRoute from "@/app/api/v1/feedback/metric/route";
import * as preferenceRoute from "@/app/api/v1/feedback/preference/route";
import * as interactionRoute from "@/app/api/v1/interactions/[id]/route";
import * as interactionsRoute from "@/app/api/v1/interactions/route";
import * as useCaseFeedbackKeysRoute from "@/app/api/v1/use-cases/[key]/feedback-keys/route";
import * as attachedModelRoute from "@/app/api/v1/use-cases/[key]/models/[modelId]/route";
import * as useCaseModelsRoute from "@/app/api/v1/use-cases/[key]/models/route";
import * as useCaseRoute from "@/app/api/v1/use-cases/[key]/route";
import * as useCasesRoute from "@/app/api/v1/use-cases/route";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { addMember, makeProject } from "../support/factories";
import { makeModel, tokenFor } from "../support/online";
import { callRoute } from "../support/route-call";

let ctx: ProjectCtx;
const t: Record<string, string> = {};
const models: Record<string, { id: string; key: string }> = {};

type Json = Record<string, unknown> & { items?: Record<string, unknown>[] };
const json = (r: { json: unknown }) => r.json as Json;

beforeAll(async () => {
  ctx = await makeProject();
  t.admin = await tokenFor(ctx, "admin");
  t.member = await tokenFor(await addMember(ctx, "member"), "member");
  t.viewer = await tokenFor(await addMember(ctx, "viewer"), "viewer");
  t.other = await tokenFor(await makeProject(), "admin");
  models.a = await makeModel(ctx, `${ctx.project.key}/a`, "simulated");
  models.b = await makeModel(ctx, `${ctx.project.key}/b`, "simulated");
});

describe("use cases", () => {
  it("are created by admins, read by viewers and refused to members; keys are unique", async () => {
    const body = { key: "support", name: "Support bot", description: "Answers customers" };
    expect((await callRoute(useCasesRoute.POST, "/api/v1/use-cases", { token: t.member, method: "POST", body })).status).toBe(403);
    const created = await callRoute(useCasesRoute.POST, "/api/v1/use-cases", { token: t.admin, method: "POST", body });
    expect(created.status).toBe(201);
    expect(json(created)).toMatchObject({ key: "support", name: "Support bot", models: [], default_model: null });
    const again = await callRoute(useCasesRoute.POST, "/api/v1/use-cases", { token: t.admin, method: "POST", body });
    expect(again.status).toBe(409);
    expect(json(again).errors).toEqual([expect.objectContaining({ path: "key" })]);
    const bad = await callRoute(useCasesRoute.POST, "/api/v1/use-cases", { token: t.admin, method: "POST", body: { key: "Not Valid" } });
    expect(bad.status).toBe(400);
    expect(json(bad).errors).toEqual([expect.objectContaining({ path: "key" })]);
    const list = await callRoute(useCasesRoute.GET, "/api/v1/use-cases", { token: t.viewer });
    expect(json(list)).toMatchObject({ count: 1, page: 1, per_page: 20 });
    const patched = await callRoute(useCaseRoute.PATCH, "/api/v1/use-cases/support", {
      token: t.admin,
      method: "PATCH",
      body: { name: "Support" },
      params: { key: "support" },
    });
    expect(json(patched).name).toBe("Support");
    expect((await callRoute(useCaseRoute.GET, "/api/v1/use-cases/support", { token: t.other, params: { key: "support" } })).status).toBe(
      404,
    );
  });

  it("attach models (the first is the default), switch the default and refuse to detach it, all audited", async () => {
    const path = "/api/v1/use-cases/support/models";
    const first = await callRoute(useCaseModelsRoute.POST, path, {
      token: t.admin,
      method: "POST",
      body: { model_id: models.a?.id },
      params: { key: "support" },
    });
    expect(first.status).toBe(201);
    await callRoute(useCaseModelsRoute.POST, path, {
      token: t.admin,
      method: "POST",
      body: { model_id: models.b?.id, online: false },
      params: { key: "support" },
    });
    const dup = await callRoute(useCaseModelsRoute.POST, path, {
      token: t.admin,
      method: "POST",
      body: { model_id: models.a?.id },
      params: { key: "support" },
    });
    expect(dup.status).toBe(409);
    const listed = await callRoute(useCaseModelsRoute.GET, path, { token: t.viewer, params: { key: "support" } });
    expect(json(listed).items).toEqual([
      expect.objectContaining({ key: models.a?.key, is_default: true, online: true }),
      expect.objectContaining({ key: models.b?.key, is_default: false, online: false }),
    ]);
    const params = { key: "support", modelId: models.b?.id as string };
    const offlineDefault = await callRoute(attachedModelRoute.PATCH, `${path}/b`, {
      token: t.admin,
      method: "PATCH",
      body: { is_default: true },
      params,
    });
    expect(offlineDefault.status).toBe(409);
    await callRoute(attachedModelRoute.PATCH, `${path}/b`, { token: t.admin, method: "PATCH", body: { online: true }, params });
    const swapped = await callRoute(attachedModelRoute.PATCH, `${path}/b`, {
      token: t.admin,
      method: "PATCH",
      body: { is_default: true },
      params,
    });
    expect(json(swapped).items?.map((m) => m.is_default)).toEqual([false, true]);
    const detach = await callRoute(attachedModelRoute.DELETE, `${path}/b`, { token: t.admin, method: "DELETE", params });
    expect(detach.status).toBe(409);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.projectId, ctx.project.id), eq(auditLog.resourceType, "use_case")));
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(["use_case.create", "use_case.model_attach", "use_case.default_model", "use_case.model_update"]),
    );
  });
});

describe("feedback keys and metric feedback", () => {
  let completion: string;

  beforeAll(async () => {
    for (const body of [
      { key: "thumbs_up", kind: "bool" },
      { key: "rating", kind: "scalar", name: "Rating" },
    ])
      expect((await callRoute(feedbackKeysRoute.POST, "/api/v1/feedback-keys", { token: t.admin, method: "POST", body })).status).toBe(201);
    const ingested = await callRoute(interactionsRoute.POST, "/api/v1/interactions", {
      token: t.member,
      method: "POST",
      body: { interactions: [{ model: models.a?.key, prompt: "Hi", completion: "Hello!" }] },
    });
    completion = (json(ingested).ids as string[])[0] as string;
  });

  it("validates the value against the key's kind and finds only this project's completions", async () => {
    const post = (token: string | undefined, body: unknown) =>
      callRoute(metricRoute.POST, "/api/v1/feedback/metric", { token, method: "POST", body });
    const half = await post(t.member, { completion_id: completion, feedback_key: "thumbs_up", value: 0.5 });
    expect(half.status).toBe(400);
    expect(json(half).errors).toEqual([expect.objectContaining({ path: "value" })]);
    expect((await post(t.member, { completion_id: completion, feedback_key: "rating", value: true })).status).toBe(400);
    const unknown = await post(t.member, { completion_id: "00000000-0000-4000-8000-000000000000", feedback_key: "thumbs_up", value: 1 });
    expect(unknown.status).toBe(404);
    expect((await post(t.other, { completion_id: completion, feedback_key: "thumbs_up", value: 1 })).status).toBe(404);
    expect((await post(t.viewer, { completion_id: completion, feedback_key: "thumbs_up", value: 1 })).status).toBe(403);
    const ok = await post(t.member, { completion_id: completion, feedback_key: "thumbs_up", value: true, user: "alice", details: "great" });
    expect(ok.status).toBe(201);
    expect(json(ok)).toMatchObject({ value: 1, feedback_key: "thumbs_up", user: "alice" });
    const listed = await callRoute(metricRoute.GET, `/api/v1/feedback/metric?completion_id=${completion}`, { token: t.viewer });
    expect(json(listed).items).toEqual([
      expect.objectContaining({ feedback_key: "thumbs_up", value: 1, model: models.a?.key, use_case: "support" }),
    ]);
    const detail = await callRoute(interactionRoute.GET, `/api/v1/interactions/${completion}`, {
      token: t.viewer,
      params: { id: completion },
    });
    expect(json(detail).feedback).toEqual([expect.objectContaining({ feedback_key: "thumbs_up", value: 1 })]);
    expect((await callRoute(interactionRoute.GET, "/x", { token: t.other, params: { id: completion } })).status).toBe(404);
    const linked = await callRoute(useCaseRoute.GET, "/x", { token: t.viewer, params: { key: "support" } });
    expect(json(linked).feedback_keys).toContain("thumbs_up");
  });

  it("records a preference between two {model, text} completions as interactions", async () => {
    const body = {
      feedback_key: "thumbs_up",
      preferred_completion: { model: models.b?.key, text: "Bonjour" },
      other_completion: { model: models.a?.key, text: "Hello" },
      messages: [{ role: "user", content: "Greet me in French" }],
      user: "bob",
    };
    const created = await callRoute(preferenceRoute.POST, "/api/v1/feedback/preference", { token: t.member, method: "POST", body });
    expect(created.status).toBe(201);
    const preferred = json(created).preferred_completion as string;
    const detail = await callRoute(interactionRoute.GET, "/x", { token: t.viewer, params: { id: preferred } });
    expect(json(detail)).toMatchObject({
      model: models.b?.key,
      completion: "Bonjour",
      source: "ingested",
      messages: [{ role: "user", content: "Greet me in French" }],
    });
    const noPrompt = await callRoute(preferenceRoute.POST, "/api/v1/feedback/preference", {
      token: t.member,
      method: "POST",
      body: { ...body, messages: undefined },
    });
    expect(noPrompt.status).toBe(400);
    expect(json(noPrompt).errors).toEqual([expect.objectContaining({ path: "messages" })]);
    const listed = await callRoute(preferenceRoute.GET, "/api/v1/feedback/preference", { token: t.viewer });
    expect(json(listed).items).toEqual([
      expect.objectContaining({ preferred_model: models.b?.key, other_model: models.a?.key, tied: false }),
    ]);
  });

  it("links and unlinks feedback keys to use cases", async () => {
    const r = await callRoute(useCaseFeedbackKeysRoute.POST, "/x", {
      token: t.admin,
      method: "POST",
      body: { feedback_key: "rating" },
      params: { key: "support" },
    });
    expect(json(r).feedback_keys).toEqual(["rating", "thumbs_up"]);
    const u = await callRoute(useCaseFeedbackKeysRoute.DELETE, "/x", {
      token: t.admin,
      method: "DELETE",
      body: { feedback_key: "rating" },
      params: { key: "support" },
    });
    expect(json(u).feedback_keys).toEqual(["thumbs_up"]);
    const missing = await callRoute(useCaseFeedbackKeysRoute.POST, "/x", {
      token: t.admin,
      method: "POST",
      body: { feedback_key: "nope" },
      params: { key: "support" },
    });
    expect(missing.status).toBe(404);
  });
});

describe("ingestion, filters and group_by", () => {
  it("ingests a batch and reports each bad item by index", async () => {
    const r = await callRoute(interactionsRoute.POST, "/api/v1/interactions", {
      token: t.member,
      method: "POST",
      body: {
        use_case: "support",
        interactions: [
          { model: models.a?.key, messages: [{ role: "user", content: "ok" }], completion: "fine", labels: { lang: "en" } },
          { model: "no/such-model", prompt: "x", completion: "y" },
          { model: models.a?.key, prompt: "x", completion: "y", feedbacks: [{ feedback_key: "thumbs_up", value: 0.5 }] },
          { model: models.a?.key, completion: "no prompt" },
        ],
      },
    });
    expect(r.status).toBe(200);
    expect(json(r).created).toBe(1);
    expect(json(r).errors).toEqual([
      expect.objectContaining({ index: 1, path: "model" }),
      expect.objectContaining({ index: 2, path: "feedbacks.0.value" }),
      expect.objectContaining({ index: 3, path: "messages" }),
    ]);
    const tooMany = await callRoute(interactionsRoute.POST, "/x", {
      token: t.member,
      method: "POST",
      body: { interactions: Array(1001).fill({}) },
    });
    expect(tooMany.status).toBe(400);
  });

  it("aggregates feedback per model with Wilson and Student-t intervals", async () => {
    // Model a: thumbs_up 7 of 10. Model b: ratings 1..5. Day 2026-01-0{1,2}; label arm=x on model a only.
    const thumbs = [1, 1, 1, 0, 1, 1, 0, 1, 0, 1];
    const items = [
      ...thumbs.map((v, i) => ({
        model: models.a?.key,
        prompt: `q${i}`,
        completion: "a",
        labels: { arm: "x" },
        created_at: "2026-01-01T10:00:00Z",
        feedbacks: [{ feedback_key: "thumbs_up", value: v }],
      })),
      ...[1, 2, 3, 4, 5].map((v, i) => ({
        model: models.b?.key,
        prompt: `r${i}`,
        completion: "b",
        created_at: "2026-01-02T10:00:00Z",
        feedbacks: [{ feedback_key: "rating", value: v }],
      })),
    ];
    const ingest = await callRoute(interactionsRoute.POST, "/x", {
      token: t.member,
      method: "POST",
      body: { use_case: "support", interactions: items },
    });
    expect(json(ingest).created).toBe(15);
    const q = "use_case=support&from=2026-01-01T00:00:00Z&to=2026-01-03T00:00:00Z";
    const byModel = await callRoute(interactionsRoute.GET, `/api/v1/interactions?${q}&group_by=model`, { token: t.viewer });
    const groups = json(byModel).groups as {
      group: string;
      count: number;
      feedback: Record<string, { n: number; value: number; ci: [number, number] }>;
    }[];
    const a = groups.find((g) => g.group === models.a?.key);
    const b = groups.find((g) => g.group === models.b?.key);
    // R: prop.test(7, 10, correct = FALSE)$conf.int -> 0.3967781 0.8922087 (the Wilson score interval).
    expect(a?.count).toBe(10);
    expect(a?.feedback.thumbs_up?.n).toBe(10);
    expect(a?.feedback.thumbs_up?.value).toBeCloseTo(0.7, 10);
    expect(a?.feedback.thumbs_up?.ci[0]).toBeCloseTo(0.3967781, 6);
    expect(a?.feedback.thumbs_up?.ci[1]).toBeCloseTo(0.8922087, 6);
    // R: t.test(1:5)$conf.int -> 1.036757 4.963243.
    expect(b?.feedback.rating?.value).toBeCloseTo(3, 10);
    expect(b?.feedback.rating?.ci[0]).toBeCloseTo(1.036757, 5);
    expect(b?.feedback.rating?.ci[1]).toBeCloseTo(4.963243, 5);
    const byDay = await callRoute(interactionsRoute.GET, `/x?${q}&group_by=day`, { token: t.viewer });
    expect((json(byDay).groups as { group: string; count: number }[]).map((g) => [g.group, g.count])).toEqual([
      ["2026-01-01", 10],
      ["2026-01-02", 5],
    ]);
    const byLabel = await callRoute(interactionsRoute.GET, `/x?${q}&group_by=label:arm`, { token: t.viewer });
    expect((json(byLabel).groups as { group: string | null; count: number }[]).map((g) => [g.group, g.count])).toEqual([
      ["x", 10],
      [null, 5],
    ]);
  });

  it("filters by label, feedback value, feedback presence, text and model, and paginates", async () => {
    const list = async (query: string) =>
      json(await callRoute(interactionsRoute.GET, `/api/v1/interactions?use_case=support&${query}`, { token: t.viewer }));
    expect((await list("label=arm=x")).count).toBe(10);
    expect((await list("label=arm")).count).toBe(10);
    expect((await list("feedback_key=thumbs_up&feedback_max=0")).count).toBe(3);
    expect((await list("feedback_key=rating&feedback_min=4")).count).toBe(2);
    expect((await list("q=Greet%20me")).count).toBe(2);
    expect(
      (await list(`model=${encodeURIComponent(models.b?.key as string)}&from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z`)).count,
    ).toBe(5);
    const page = await list("per_page=4&page=2&sort=-created_at");
    expect(page.items).toHaveLength(4);
    expect(page).toMatchObject({ page: 2, per_page: 4 });
    const none = await list("has_feedback=false");
    expect(none.items?.every((i) => (i.feedback as unknown[]).length === 0)).toBe(true);
    const bad = await callRoute(interactionsRoute.GET, "/x?group_by=colour", { token: t.viewer });
    expect(bad.status).toBe(400);
    expect(json(bad).errors).toEqual([expect.objectContaining({ path: "query.group_by" })]);
  });
});
