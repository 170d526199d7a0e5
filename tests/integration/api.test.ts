import { beforeAll, describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as modelRoute from "@/app/api/v1/models/[id]/route";
import * as testRoute from "@/app/api/v1/models/[id]/test/route";
import * as modelKeyRoute from "@/app/api/v1/models/key/[...key]/route";
import * as modelsRoute from "@/app/api/v1/models/route";
import * as auditRoute from "@/app/api/v1/project/audit/route";
import * as projectModelsRoute from "@/app/api/v1/project/models/route";
import * as projectRoute from "@/app/api/v1/project/route";
import * as tokensRoute from "@/app/api/v1/project/tokens/route";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import type { ProjectCtx } from "@/lib/auth/context";
import { createModel } from "@/lib/services/models/write";
import { createToken } from "@/lib/services/tokens/tokens";
import { addMember, makeProject, makeUser } from "../support/factories";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

// The real route handlers, called with real Request objects: the same code path Next.js runs.
async function call(
  handler: Handler,
  opts: { token?: string; method?: string; path?: string; body?: unknown; raw?: string; params?: Record<string, string | string[]> } = {},
) {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const request = new Request(`http://localhost${opts.path ?? "/api/v1/x"}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
  });
  const response = await handler(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    requestId: response.headers.get("x-request-id"),
    json: text ? JSON.parse(text) : null,
  };
}

let owner: ProjectCtx;
let other: ProjectCtx;
const tokens: Record<string, string> = {};
let ownModelId: string;
let otherModelId: string;

beforeAll(async () => {
  await makeUser({ admin: true });
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  owner = await makeProject();
  other = await makeProject();
  for (const role of ["viewer", "member", "admin"] as const) {
    const ctx = await addMember(owner, role);
    tokens[role] = (await createToken(ctx, { name: role, role })).token;
  }
  tokens.other = (await createToken(other, { name: "other", role: "admin" })).token;
  ownModelId = (
    await createModel(owner, {
      key: "own/model",
      name: "Own",
      description: "",
      endpoint_type: "simulated",
      visibility: "custom",
      simulation: { seed: 1, accuracy: 0.5, latencyMs: { mean: 1, stddev: 0 } },
    })
  ).id;
  otherModelId = (
    await createModel(other, {
      key: "other/model",
      name: "Other",
      description: "",
      endpoint_type: "simulated",
      visibility: "custom",
      simulation: { seed: 1, accuracy: 0.5, latencyMs: { mean: 1, stddev: 0 } },
    })
  ).id;
});

describe("REST boundary", () => {
  it("answers 401 problem+json without credentials and with a bad token", async () => {
    for (const token of [undefined, "ys_definitely-not-valid-token-000000"]) {
      const res = await call(modelsRoute.GET as Handler, { token, path: "/api/v1/models" });
      expect(res.status).toBe(401);
      expect(res.type).toBe("application/problem+json");
      expect(res.json).toMatchObject({ status: 401, title: "Unauthorized", instance: "/api/v1/models" });
      expect(res.requestId).toBeTruthy();
    }
  });

  it("exchanges a password for a project token that then works", async () => {
    const user = await makeUser();
    const project = await makeProject(user);
    const res = await call(tokenRoute.POST as Handler, {
      method: "POST",
      body: { login: user.username, password: user.password, name: "automation" },
    });
    expect(res.status).toBe(201);
    expect(res.json.token).toMatch(/^ys_/);
    expect(res.json.project.key).toBe(project.project.key);
    const me = await call(projectRoute.GET as Handler, { token: res.json.token });
    expect(me.json).toMatchObject({ key: project.project.key, role: "admin", via: "token" });
    const wrong = await call(tokenRoute.POST as Handler, {
      method: "POST",
      body: { login: user.username, password: "nope nope", name: "x" },
    });
    expect(wrong.status).toBe(401);
  });

  it("gives viewers 403 on every write while reads work", async () => {
    const t = tokens.viewer;
    expect((await call(modelsRoute.GET as Handler, { token: t })).status).toBe(200);
    const writes = [
      call(modelsRoute.POST as Handler, {
        token: t,
        method: "POST",
        body: {
          key: "v/x",
          name: "x",
          endpoint_type: "simulated",
          simulation: { seed: 1, accuracy: 1, latencyMs: { mean: 1, stddev: 0 } },
        },
      }),
      call(modelRoute.PATCH as Handler, { token: t, method: "PATCH", body: { name: "x" }, params: { id: ownModelId } }),
      call(modelRoute.DELETE as Handler, { token: t, method: "DELETE", params: { id: ownModelId } }),
      call(testRoute.POST as Handler, { token: t, method: "POST", params: { id: ownModelId } }),
      call(projectModelsRoute.POST as Handler, { token: t, method: "POST", body: { model_ids: [ownModelId] } }),
      call(projectModelsRoute.DELETE as Handler, { token: t, method: "DELETE", body: { model_ids: [ownModelId] } }),
      call(tokensRoute.POST as Handler, { token: t, method: "POST", body: { name: "x" } }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403);
      expect(res.type).toBe("application/problem+json");
    }
  });

  it("caps tokens: a member token can test but not manage models", async () => {
    expect((await call(testRoute.POST as Handler, { token: tokens.member, method: "POST", params: { id: ownModelId } })).status).toBe(200);
    expect(
      (await call(modelRoute.PATCH as Handler, { token: tokens.member, method: "PATCH", body: { name: "x" }, params: { id: ownModelId } }))
        .status,
    ).toBe(403);
    expect((await call(auditRoute.GET as Handler, { token: tokens.admin })).status).toBe(200);
  });

  it("answers 404 for another project's resources, by id and by key", async () => {
    expect((await call(modelRoute.GET as Handler, { token: tokens.admin, params: { id: otherModelId } })).status).toBe(404);
    expect((await call(modelKeyRoute.GET as Handler, { token: tokens.admin, params: { key: ["other", "model"] } })).status).toBe(404);
    expect(
      (await call(modelRoute.PATCH as Handler, { token: tokens.admin, method: "PATCH", body: { name: "x" }, params: { id: otherModelId } }))
        .status,
    ).toBe(404);
    expect((await call(modelKeyRoute.GET as Handler, { token: tokens.other, params: { key: ["other", "model"] } })).status).toBe(200);
    const list = await call(modelsRoute.GET as Handler, { token: tokens.admin, path: "/api/v1/models?type=custom" });
    expect(list.json.items.map((m: { key: string }) => m.key)).toEqual(["own/model"]);
  });

  it("turns bad input into 4xx naming the field, never a 500", async () => {
    const t = tokens.admin;
    const reserved = await call(modelsRoute.POST as Handler, {
      token: t,
      method: "POST",
      body: { key: "a/b", name: "x", api_url: "http://127.0.0.1:1/v1/chat/completions", extra_payload: { messages: [] } },
    });
    expect(reserved.status).toBe(400);
    expect(reserved.json.errors).toContainEqual({
      path: "extra_payload.messages",
      message: expect.stringMatching(/may not set "messages"/),
    });
    const badJson = await call(modelsRoute.POST as Handler, { token: t, method: "POST", raw: "{not json" });
    expect(badJson.status).toBe(400);
    expect(badJson.json.detail).toMatch(/not valid JSON/);
    const badPage = await call(modelsRoute.GET as Handler, { token: t, path: "/api/v1/models?page=0" });
    expect(badPage.status).toBe(400);
    expect(badPage.json.errors[0].path).toBe("query.page");
    const badId = await call(modelRoute.GET as Handler, { token: t, params: { id: "not-a-uuid" } });
    expect(badId.status).toBe(400);
    expect(badId.json.errors[0].path).toBe("params.id");
    const huge = await call(modelsRoute.POST as Handler, {
      token: t,
      method: "POST",
      raw: JSON.stringify({ description: "x".repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    const dup = await call(modelsRoute.POST as Handler, {
      token: t,
      method: "POST",
      body: {
        key: "own/model",
        name: "x",
        endpoint_type: "simulated",
        simulation: { seed: 1, accuracy: 1, latencyMs: { mean: 1, stddev: 0 } },
      },
    });
    expect(dup.status).toBe(409);
    expect(dup.json.errors[0].path).toBe("key");
  });

  it("paginates lists as {items, count, page, per_page}", async () => {
    const res = await call(modelsRoute.GET as Handler, { token: tokens.viewer, path: "/api/v1/models?page=2&per_page=4" });
    expect(res.json).toMatchObject({ count: 16, page: 2, per_page: 4 });
    expect(res.json.items).toHaveLength(4);
  });
});
