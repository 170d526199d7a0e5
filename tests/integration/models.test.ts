import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { seed } from "@/lib/server/seed/seed";
import { models, projectModels } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { getModel, listModels } from "@/lib/services/models/read";
import { addModelsToProject, createModel, deleteModel, removeModelsFromProject, updateModel } from "@/lib/services/models/write";
import { testConnection } from "@/lib/services/models/test-connection";
import { CreateModel } from "@/lib/validation/models";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );
const page = { page: 1, per_page: 100 };
let fake: FakeOpenAI;
let admin: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  admin = await makeUser({ admin: true }); // the instance admin, so project owners below are ordinary users
  await seed(db, { demo: false, baseUrl: "http://x", log: () => {} });
  fake = await startFakeOpenAI({ requireApiKey: "sk-test-secret-9876" });
});
afterAll(() => fake.close());

const custom = (key: string, extra: Partial<CreateModel> = {}) =>
  CreateModel.parse({ key, name: `Model ${key}`, api_url: fake.url, api_key: "sk-test-secret-9876", max_tokens: 4096, ...extra });

describe("models", () => {
  it("encrypts the API key at rest and only ever returns its last four characters", async () => {
    const ctx = await makeProject();
    const model = await createModel(ctx, custom(`acme/m-${Date.now()}`));
    expect(model.api_key).toBe("••••9876");
    expect(JSON.stringify(model)).not.toContain("sk-test-secret");
    const [row] = await db.select().from(models).where(eq(models.id, model.id));
    expect(row?.apiKeyCiphertext).toMatch(/^v1:/);
    expect(row?.apiKeyCiphertext).not.toContain("sk-test");
    expect(JSON.stringify(await getModel(ctx, { key: model.key }))).not.toContain("sk-test-secret");
  });

  it("keeps custom models inside their project: others get 404", async () => {
    const a = await makeProject();
    const b = await makeProject();
    const model = await createModel(a, custom(`a/secret-${Date.now()}`));
    expect((await failure(getModel(b, { id: model.id })))?.code).toBe("not_found");
    expect((await failure(updateModel(b, model.id, { name: "stolen" })))?.code).toBe("not_found");
    expect((await failure(deleteModel(b, model.id)))?.code).toBe("not_found");
    expect((await failure(addModelsToProject(b, [model.id])))?.code).toBe("not_found");
    const listed = await listModels(b, { type: "custom" }, page);
    expect(listed.items.map((m) => m.id)).not.toContain(model.id);
  });

  it("filters the catalog; catalog attribute filters return public models only", async () => {
    const ctx = await makeProject();
    await createModel(ctx, custom(`mine/moe-${Date.now()}`, { categories: ["MoE"] }));
    const moe = await listModels(ctx, { categories: ["MoE"] }, page);
    expect(moe.count).toBeGreaterThan(0);
    expect(moe.items.every((m) => m.type === "public" && m.categories.includes("MoE"))).toBe(true);
    const meta = await listModels(ctx, { companies: ["Meta"] }, page);
    expect(meta.items.map((m) => m.key).sort()).toEqual([
      "meta/llama-3.1-405b-instruct",
      "meta/llama-3.1-70b-instruct",
      "meta/llama-3.1-8b-instruct",
    ]);
    const byName = await listModels(ctx, { name: "gpt-4O" }, page);
    expect(byName.items.map((m) => m.key)).toEqual(["openai/gpt-4o", "openai/gpt-4o-mini"]);
    expect((await listModels(ctx, { key: "%" }, page)).count).toBe(0);
    const paged = await listModels(ctx, {}, { page: 2, per_page: 5 });
    expect(paged.items).toHaveLength(5);
    expect(paged.count).toBe(16);
  });

  it("rotates keys, clears extra_payload with {}, and disables on delete without losing the record", async () => {
    const ctx = await makeProject();
    const model = await createModel(ctx, custom(`rot/m-${Date.now()}`, { extra_payload: { top_p: 0.9 } }));
    const rotated = await updateModel(ctx, model.id, { api_key: "sk-new-key-abcd", extra_payload: {} });
    expect(rotated.api_key).toBe("••••abcd");
    expect(rotated.extra_payload).toEqual({});
    await deleteModel(ctx, model.id);
    expect((await failure(getModel(ctx, { id: model.id })))?.code).toBe("not_found");
    const [row] = await db.select().from(models).where(eq(models.id, model.id));
    expect(row?.disabledAt).toBeInstanceOf(Date);
    expect(await db.select().from(projectModels).where(eq(projectModels.modelId, model.id))).toHaveLength(0);
  });

  it("adds and removes catalog models on the project list without deleting them", async () => {
    const ctx = await makeProject();
    const gpt = await getModel(ctx, { key: "openai/gpt-4o" });
    await addModelsToProject(ctx, [gpt.id]);
    expect((await getModel(ctx, { id: gpt.id })).in_project).toBe(true);
    await removeModelsFromProject(ctx, [gpt.id]);
    expect((await getModel(ctx, { id: gpt.id })).in_project).toBe(false);
  });

  it("refuses public catalog edits and public models from non-admins", async () => {
    const ctx = await makeProject();
    const gpt = await getModel(ctx, { key: "openai/gpt-4o" });
    expect((await failure(updateModel(ctx, gpt.id, { name: "x" })))?.code).toBe("forbidden");
    expect((await failure(createModel(ctx, custom(`pub/x-${Date.now()}`, { visibility: "public" }))))?.code).toBe("forbidden");
  });

  it("lets an instance admin give a catalog model an endpoint, which makes it runnable", async () => {
    const ctx = await makeProject(admin);
    const entry = await getModel(ctx, { key: "qwen/qwen2.5-72b-instruct" });
    expect(entry.needs_endpoint).toBe(true);
    expect((await failure(updateModel(ctx, entry.id, { endpoint_type: "openai" })))?.errors[0]?.path).toBe("api_url");
    const updated = await updateModel(ctx, entry.id, { endpoint_type: "openai", api_url: fake.url, api_key: "sk-test-secret-9876" });
    expect(updated).toMatchObject({ endpoint_type: "openai", needs_endpoint: false });
    expect(await testConnection(ctx, entry.id)).toMatchObject({ ok: true, answer: "pong" });
  });

  it("refuses metadata and link-local endpoints when saving", async () => {
    const ctx = await makeProject();
    const error = await failure(createModel(ctx, custom(`bad/m-${Date.now()}`, { api_url: "http://169.254.169.254/latest/meta-data" })));
    expect(error?.errors[0]?.path).toBe("api_url");
    expect(error?.message).toMatch(/never allowed/);
  });

  it("tests a connection over real HTTP: the answer, or the provider's error and status", async () => {
    const ctx = await makeProject();
    const model = await createModel(ctx, custom(`conn/m-${Date.now()}`, { extra_payload: { top_p: 0.5 } }));
    const ok = await testConnection(ctx, model.id);
    expect(ok).toMatchObject({ ok: true, answer: "pong" });
    const sent = fake.requests.at(-1);
    expect(sent?.headers.authorization).toBe("Bearer sk-test-secret-9876");
    expect(sent?.body).toMatchObject({ model: model.key, temperature: 0, top_p: 0.5, stream: false });
    await updateModel(ctx, model.id, { api_key: "sk-wrong-key-0000" });
    const bad = await testConnection(ctx, model.id);
    expect(bad).toMatchObject({ ok: false, status: 401, kind: "client_error" });
  });

  it("answers test connection for simulated models without network", async () => {
    const ctx = await makeProject();
    const sim = await getModel(ctx, { key: "yardstick/sim-strong" });
    const before = fake.requests.length;
    expect(await testConnection(ctx, sim.id)).toMatchObject({ ok: true, simulated: true });
    expect(fake.requests.length).toBe(before);
  });
});
