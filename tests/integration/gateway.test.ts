import { spawn } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { eq } from "drizzle-orm";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as chatRoute from "@/app/api/v1/chat/completions/route";
import * as embeddingsRoute from "@/app/api/v1/embeddings/route";
import { db } from "@/db";
import { interactions } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { createFeedbackKey } from "@/lib/services/feedback/keys";
import { metricFeedbackRoutes } from "@/lib/http/feedback-routes";
import { flushInteractions } from "@/lib/services/interactions/log-buffer";
import { getInteraction } from "@/lib/services/interactions/read";
import { CreateFeedbackKey } from "@/lib/validation/feedback";
import { addMember, makeProject } from "../support/factories";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeModel, makeUseCase, tokenFor } from "../support/online";
import { type RouteServer, startRouteServer } from "@/lib/server/route-server";

// Read by the gateway on first use: a provider that holds a request longer than this is a 504.
process.env.YARDSTICK_GATEWAY_TIMEOUT_MS = "1500";

let ctx: ProjectCtx;
let server: RouteServer;
let healthy: FakeOpenAI;
let failing: FakeOpenAI;
let limited: FakeOpenAI;
let slow: FakeOpenAI;
let client: OpenAI;
const keys: Record<string, string> = {};

const sdk = (apiKey: string, headers: Record<string, string> = {}) =>
  new OpenAI({ baseURL: `${server.url}/api/v1`, apiKey, maxRetries: 0, defaultHeaders: headers });

beforeAll(async () => {
  [healthy, failing, limited, slow] = await Promise.all([
    startFakeOpenAI({ answer: () => "Paris is the capital of France." }),
    startFakeOpenAI({ faults: { rate: 1, kinds: ["500"] } }),
    startFakeOpenAI({ faults: { rate: 1, kinds: ["429"] }, retryAfterSeconds: 7 }),
    startFakeOpenAI({ latencyMs: 5000 }),
  ]);
  ctx = await makeProject();
  const p = ctx.project.key;
  const good = await makeModel(ctx, `${p}/good`, healthy.url, { price_input_per_m: 1, price_output_per_m: 2 });
  const broken = await makeModel(ctx, `${p}/broken`, failing.url);
  const throttled = await makeModel(ctx, `${p}/throttled`, limited.url);
  const sleepy = await makeModel(ctx, `${p}/sleepy`, slow.url);
  const capped = await makeModel(ctx, `${p}/capped`, healthy.url, { rpm_limit: 1 });
  const simulated = await makeModel(ctx, `${p}/sim`, "simulated");
  Object.assign(keys, {
    good: good.key,
    broken: broken.key,
    throttled: throttled.key,
    sleepy: sleepy.key,
    capped: capped.key,
    sim: simulated.key,
  });
  await makeUseCase(ctx, "support", [good, broken, throttled, sleepy, capped, simulated]);
  await makeUseCase(ctx, "resilient", [broken, { ...good, fallback_order: 1 }]);
  await createFeedbackKey(ctx, CreateFeedbackKey.parse({ key: "thumbs_up", kind: "bool" }));
  server = await startRouteServer({
    "/api/v1/chat/completions": chatRoute,
    "/api/v1/embeddings": embeddingsRoute,
    "/api/v1/feedback/metric": metricFeedbackRoutes,
  });
  client = sdk(await tokenFor(ctx), { "X-Yardstick-Use-Case": "support" });
});

afterAll(async () => {
  await server?.close();
  await Promise.all([healthy, failing, limited, slow].map((f) => f?.close()));
});

async function logged(id: string) {
  await flushInteractions();
  return getInteraction(ctx, id);
}

describe("the gateway, driven by the official openai SDK", () => {
  it("answers a chat completion with Yardstick's completion id and logs it", async () => {
    const { data, response } = await client.chat.completions
      .create({
        model: "default",
        messages: [{ role: "user", content: "Capital of France?" }],
        user: "u-1",
        labels: { page: "faq" },
      } as never)
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("Paris is the capital of France.");
    expect(data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get("x-yardstick-completion-id")).toBe(data.id);
    expect(response.headers.get("x-yardstick-model")).toBe(keys.good);
    expect(healthy.requests.at(-1)?.body).not.toHaveProperty("labels");
    const row = await logged(data.id);
    expect(row).toMatchObject({
      model: keys.good,
      use_case: "support",
      completion: data.choices[0]?.message.content,
      user: "u-1",
      status: "ok",
    });
    expect(row.labels).toEqual({ page: "faq" });
    expect(row.tokens_in).toBe(data.usage?.prompt_tokens);
    expect(row.cost).toBeCloseTo((1 * (data.usage?.prompt_tokens ?? 0) + 2 * (data.usage?.completion_tokens ?? 0)) / 1e6, 12);
  });

  it("streams chunk by chunk with the usage chunk when asked, and records time to first token", async () => {
    const stream = await client.chat.completions.create({
      model: keys.good as string,
      messages: [{ role: "user", content: "Capital?" }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(3);
    const text = chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("");
    expect(text).toBe("Paris is the capital of France.");
    const id = chunks[0]?.id as string;
    expect(chunks.every((c) => c.id === id && c.model === keys.good)).toBe(true);
    expect(chunks.at(-1)?.usage?.completion_tokens).toBeGreaterThan(0);
    const row = await logged(id);
    expect(row.completion).toBe(text);
    expect(row.ttft_ms).not.toBeNull();
  });

  it("leaves the usage out of a stream that did not ask for it", async () => {
    const stream = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "Hi" }], stream: true });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.some((c) => c.usage)).toBe(false);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("Paris is the capital of France.");
  });

  it("returns n choices and passes stop through", async () => {
    const two = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "Hi" }], n: 2 });
    expect(two.choices.map((c) => c.message.content)).toEqual(["Paris is the capital of France.", "Paris is the capital of France. (1)"]);
    expect((await logged(two.id)).completions).toHaveLength(2);
    const stopped = await client.chat.completions.create({
      model: "default",
      messages: [{ role: "user", content: "Hi" }],
      stop: [" capital"],
    });
    expect(stopped.choices[0]?.message.content).toBe("Paris is the");
    expect(healthy.requests.at(-1)?.body).toMatchObject({ stop: [" capital"] });
  });

  it("streams a simulated model's answer as chunks", async () => {
    const stream = await client.chat.completions.create({
      model: keys.sim as string,
      messages: [{ role: "user", content: "Hello" }],
      stream: true,
    });
    const pieces: string[] = [];
    for await (const chunk of stream) pieces.push(chunk.choices[0]?.delta?.content ?? "");
    expect(pieces.filter(Boolean).length).toBeGreaterThan(2);
    expect(pieces.join("")).toContain("simulated");
  });

  it("embeds through the use case's model", async () => {
    const result = await client.embeddings.create({ model: "default", input: ["abc", "hello"], encoding_format: "float" });
    expect(result.data.map((d) => d.embedding)).toEqual([
      [3, 1, 0],
      [5, 1, 0],
    ]);
  });

  it("surfaces errors as the SDK's error classes with OpenAI's error body", async () => {
    const bad = await client.chat.completions.create({ model: "default", messages: [] }).catch((e) => e);
    expect(bad).toBeInstanceOf(OpenAI.BadRequestError);
    expect(bad.param).toBe("messages");
    const unknown = await client.chat.completions.create({ model: "nope", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
    expect(unknown.param).toBe("model");
    const noToken = await sdk("ys_not-a-real-token-at-all-xxxxxxxxxxxxxx")
      .chat.completions.create({ model: "default", messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(noToken).toBeInstanceOf(OpenAI.AuthenticationError);
    const broken = await client.chat.completions
      .create({ model: keys.broken as string, messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(broken).toBeInstanceOf(OpenAI.InternalServerError);
    expect(broken.status).toBe(502);
    const timeout = await client.chat.completions
      .create({ model: keys.sleepy as string, messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(timeout.status).toBe(504);
    expect(timeout.error).toMatchObject({ type: "timeout_error" });
  });

  it("answers 429 with Retry-After from the provider and from the model's rpm limit", async () => {
    const provider = await client.chat.completions
      .create({ model: keys.throttled as string, messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(provider).toBeInstanceOf(OpenAI.RateLimitError);
    expect(provider.headers.get("retry-after")).toBe("7");
    await client.chat.completions.create({ model: keys.capped as string, messages: [{ role: "user", content: "x" }] });
    const own = await client.chat.completions
      .create({ model: keys.capped as string, messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(own).toBeInstanceOf(OpenAI.RateLimitError);
    expect(Number(own.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });

  it("falls back to the next model on a provider 500 and records the attempt", async () => {
    const resilient = sdk(await tokenFor(ctx), { "X-Yardstick-Use-Case": "resilient" });
    const { data, response } = await resilient.chat.completions
      .create({ model: "default", messages: [{ role: "user", content: "x" }] })
      .withResponse();
    expect(data.choices[0]?.message.content).toBe("Paris is the capital of France.");
    expect(response.headers.get("x-yardstick-model")).toBe(keys.good);
    const row = await logged(data.id);
    expect(row.attempts).toEqual([expect.objectContaining({ model_key: keys.broken, status: 500 })]);
  });

  it("takes the use case from the body too, and refuses viewers (403) and other projects (404)", async () => {
    const plain = sdk(await tokenFor(ctx));
    const viaBody = await plain.chat.completions.create({
      model: "default",
      messages: [{ role: "user", content: "x" }],
      use_case: "resilient",
    } as never);
    expect(viaBody.choices).toHaveLength(1);
    const missing = await plain.chat.completions.create({ model: "default", messages: [{ role: "user", content: "x" }] }).catch((e) => e);
    expect(missing).toBeInstanceOf(OpenAI.BadRequestError);
    expect(missing.param).toBe("use_case");
    const viewer = await addMember(ctx, "viewer");
    const denied = await sdk(await tokenFor(viewer, "viewer"), { "X-Yardstick-Use-Case": "support" })
      .chat.completions.create({ model: "default", messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(denied).toBeInstanceOf(OpenAI.PermissionDeniedError);
    const stranger = await makeProject();
    const foreign = await sdk(await tokenFor(stranger), { "X-Yardstick-Use-Case": "support" })
      .chat.completions.create({ model: "default", messages: [{ role: "user", content: "x" }] })
      .catch((e) => e);
    expect(foreign).toBeInstanceOf(OpenAI.NotFoundError);
  });

  it("takes feedback on the listener right after the answer, reading the body the listener has read", async () => {
    const answer = await client.chat.completions.create({ model: "default", messages: [{ role: "user", content: "x" }] });
    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/feedback/metric`, {
        method: "POST",
        headers: { authorization: `Bearer ${client.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    const res = await post({ completion_id: answer.id, feedback_key: "thumbs_up", value: true });
    expect(res.status).toBe(201);
    // The listener writes projectRoute's JSON text itself, with the wrapper's headers and its exact length.
    expect([res.headers.get("content-type"), res.headers.get("x-request-id")?.length]).toEqual(["application/json", 36]);
    const text = await res.text();
    expect(Number(res.headers.get("content-length"))).toBe(Buffer.byteLength(text));
    expect(JSON.parse(text).value).toBe(1);
    const bad = await post({ completion_id: answer.id, feedback_key: "thumbs_up", value: 0.5 });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("value");
  });
});

describe("the gateway's calls go through callModel", () => {
  it("holds a model's max_concurrency as runs do: concurrent calls reach the provider one at a time", async () => {
    const [queued, parallel] = await Promise.all([startFakeOpenAI({ latencyMs: 80 }), startFakeOpenAI({ latencyMs: 80 })]);
    try {
      const p = ctx.project.key;
      const capped = await makeModel(ctx, `${p}/one-at-a-time`, queued.url, { max_concurrency: 1 });
      const free = await makeModel(ctx, `${p}/unbounded`, parallel.url);
      await makeUseCase(ctx, "bounded", [capped, free]);
      const bounded = sdk(await tokenFor(ctx), { "X-Yardstick-Use-Case": "bounded" });
      const burst = (model: string) =>
        Promise.all(
          Array.from({ length: 4 }, async (_, i) => {
            const messages = [{ role: "user" as const, content: `q${i}` }];
            if (i % 2) return (await bounded.chat.completions.create({ model, messages })).choices[0]?.message.content;
            let text = "";
            for await (const chunk of await bounded.chat.completions.create({ model, messages, stream: true }))
              text += chunk.choices[0]?.delta?.content ?? "";
            return text;
          }),
        );
      const answers = await burst(capped.key);
      expect(answers).toEqual(Array(4).fill("This is a reply from the fake OpenAI server."));
      expect(queued.requests).toHaveLength(4);
      expect(queued.maxInFlight()).toBe(1);
      // The same burst to a model without the bound overlaps, so the bound above is what serialised it.
      await burst(free.key);
      expect(parallel.maxInFlight()).toBeGreaterThan(1);
    } finally {
      await Promise.all([queued.close(), parallel.close()]);
    }
  });

  it("lets a stream run past YARDSTICK_GATEWAY_TIMEOUT_MS while its chunks keep coming", async () => {
    // About 8 events 250 ms apart: 2 s in all, longer than the 1.5 s timeout, with no silence that long.
    const dripping = await startFakeOpenAI({ streamIntervalMs: 250 });
    try {
      const model = await makeModel(ctx, `${ctx.project.key}/dripping`, dripping.url);
      await makeUseCase(ctx, "dripping", [model]);
      const slow = sdk(await tokenFor(ctx), { "X-Yardstick-Use-Case": "dripping" });
      const started = performance.now();
      let text = "";
      for await (const chunk of await slow.chat.completions.create({
        model: "default",
        messages: [{ role: "user", content: "x" }],
        stream: true,
      }))
        text += chunk.choices[0]?.delta?.content ?? "";
      expect(performance.now() - started).toBeGreaterThan(1500);
      expect(text).toBe("This is a reply from the fake OpenAI server.");
    } finally {
      await dripping.close();
    }
  });

  it("stops the provider's stream when the caller goes away, and logs the call as cancelled", async () => {
    // About 8 events 250 ms apart; the caller stops reading after the first.
    const dripping = await startFakeOpenAI({ streamIntervalMs: 250 });
    try {
      const model = await makeModel(ctx, `${ctx.project.key}/leaving`, dripping.url);
      await makeUseCase(ctx, "leaving", [model]);
      const caller = sdk(await tokenFor(ctx), { "X-Yardstick-Use-Case": "leaving" });
      const abort = new AbortController();
      const stream = await caller.chat.completions.create(
        { model: "default", messages: [{ role: "user", content: "x" }], stream: true },
        { signal: abort.signal },
      );
      const started = performance.now();
      let id = "";
      for await (const chunk of stream) {
        id = chunk.id;
        break;
      }
      abort.abort();
      await expect.poll(() => dripping.inFlight(), { timeout: 1000 }).toBe(0);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(await logged(id)).toMatchObject({ status: "error", error: "The caller closed the stream" });
    } finally {
      await dripping.close();
    }
  });

  it("forwards the caller's body as sent: unknown fields kept, no Yardstick defaults added", async () => {
    await client.chat.completions.create({
      model: "default",
      messages: [{ role: "user", content: "x" }],
      seed: 3,
      vendor_option: { depth: 2 },
    } as never);
    const body = healthy.requests.at(-1)?.body as Record<string, unknown>;
    expect(body).toMatchObject({ seed: 3, vendor_option: { depth: 2 }, stream: false });
    expect(body).not.toHaveProperty("temperature");
  });
});

describe("logging off the request path", () => {
  it("writes every interaction of a server process stopped with SIGTERM right after its calls", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "lib/server/gateway-server.ts"], {
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env },
    });
    const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
    const remote = new OpenAI({
      baseURL: `${line}/api/v1`,
      apiKey: await tokenFor(ctx),
      maxRetries: 0,
      defaultHeaders: { "X-Yardstick-Use-Case": "support" },
    });
    const before = await db.$count(interactions, eq(interactions.projectId, ctx.project.id));
    const N = 40;
    await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        if (i % 2) return remote.chat.completions.create({ model: "default", messages: [{ role: "user", content: `q${i}` }] });
        const stream = await remote.chat.completions.create({
          model: "default",
          messages: [{ role: "user", content: `q${i}` }],
          stream: true,
        });
        for await (const _chunk of stream);
      }),
    );
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
    expect(await db.$count(interactions, eq(interactions.projectId, ctx.project.id))).toBe(before + N);
  });
});
