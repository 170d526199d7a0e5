import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeOpenAI, startFakeOpenAI } from "@/tests/support/fake-openai";

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(() => fake.close());

const chat = (body: unknown, init: { url?: string; headers?: Record<string, string> } = {}) =>
  fetch(init.url ?? fake.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...init.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });

const ask = (content: string, extra: Record<string, unknown> = {}) => ({
  model: "fake-model",
  messages: [{ role: "user", content }],
  ...extra,
});

describe("startFakeOpenAI", () => {
  it("listens on a random local port", () => {
    expect(fake.port).toBeGreaterThan(0);
    expect(fake.baseUrl).toBe(`http://127.0.0.1:${fake.port}/v1`);
    expect(fake.url).toBe(`${fake.baseUrl}/chat/completions`);
  });

  it("answers a chat completion in OpenAI's shape with estimated usage", async () => {
    const response = await chat(ask("please say pong"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "fake-model",
      choices: [{ index: 0, message: { role: "assistant", content: "pong" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 4, completion_tokens: 1, total_tokens: 5 },
    });
    expect(typeof body.id).toBe("string");
    expect(typeof body.created).toBe("number");
  });

  it("gives a fixed answer without pong, and a custom one when asked", async () => {
    const fixed = (await (await chat(ask("hello"))).json()).choices[0].message.content;
    expect(fixed).not.toBe("pong");
    expect(fixed.length).toBeGreaterThan(0);
    fake.setOptions({ answer: (body) => `echo ${body.messages?.length}` });
    expect((await (await chat(ask("hello"))).json()).choices[0].message.content).toBe("echo 1");
  });

  it("accepts any path ending in /chat/completions and 404s others", async () => {
    expect((await chat(ask("pong"), { url: `http://127.0.0.1:${fake.port}/openai/deployments/x/chat/completions` })).status).toBe(200);
    const missing = await chat(ask("pong"), { url: `${fake.baseUrl}/completions` });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });

  it("rejects malformed JSON with an OpenAI-style 400", async () => {
    const response = await chat('{"model": "x", ');
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toEqual({ message: expect.any(String), type: "invalid_request_error", code: null });
  });

  it("requires the API key when configured", async () => {
    fake.setOptions({ requireApiKey: "sk-test" });
    const denied = await chat(ask("pong"), { headers: { authorization: "Bearer sk-other" } });
    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: { message: expect.any(String), type: "invalid_request_error", code: "invalid_api_key" } });
    expect((await chat(ask("pong"))).status).toBe(401);
    expect((await chat(ask("pong"), { headers: { authorization: "Bearer sk-test" } })).status).toBe(200);
  });

  it("records request bodies and headers", async () => {
    await chat(ask("one"), { headers: { "x-trace": "abc" } });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({
      method: "POST",
      path: "/v1/chat/completions",
      headers: { "x-trace": "abc" },
      body: ask("one"),
    });
  });

  it("keeps only the last 1000 requests", async () => {
    for (let i = 0; i < 1010; i += 50)
      await Promise.all(Array.from({ length: Math.min(50, 1010 - i) }, (_, j) => chat(ask(`n${i + j}`)).then((r) => r.text())));
    expect(fake.requests).toHaveLength(1000);
    const last = fake.requests.at(-1)?.body as { messages: { content: string }[] };
    expect(last.messages[0]?.content).toMatch(/^n10\d\d$/);
  });

  it("streams server-sent events ending in [DONE]", async () => {
    fake.setOptions({ answer: () => "one two three" });
    const response = await chat(ask("x", { stream: true }));
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const events = (await response.text()).split("\n\n").filter(Boolean);
    expect(events.at(-1)).toBe("data: [DONE]");
    const chunks = events.slice(0, -1).map((e) => JSON.parse(e.replace(/^data: /, "")));
    expect(chunks.map((c) => c.choices[0]?.delta.content ?? "").join("")).toBe("one two three");
    expect(chunks.at(-1)).toMatchObject({ choices: [{ finish_reason: "stop" }], usage: { completion_tokens: 4 } });
  });

  it("waits latencyMs before answering, and accepts a function of the request", async () => {
    fake.setOptions({ latencyMs: (req) => ((req.body as { model?: string }).model === "slow" ? 150 : 0) });
    let started = performance.now();
    await chat(ask("x", { model: "slow" }));
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    started = performance.now();
    await chat(ask("x", { model: "fast" }));
    expect(performance.now() - started).toBeLessThan(140);
  });
});

describe("faults", () => {
  const statuses = async (server: FakeOpenAI, n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) {
      const response = await chat(ask("pong"), { url: server.url });
      await response.text();
      out.push(response.status);
    }
    return out;
  };

  it("repeat exactly for the same seed and differ for another", async () => {
    const faults = { rate: 0.5, kinds: ["429", "500"] as ("429" | "500")[], seed: 7 };
    fake.setOptions({ faults });
    const other = await startFakeOpenAI({ faults });
    const third = await startFakeOpenAI({ faults: { ...faults, seed: 8 } });
    try {
      const a = await statuses(fake, 60);
      expect(await statuses(other, 60)).toEqual(a);
      expect(await statuses(third, 60)).not.toEqual(a);
      expect(new Set(a)).toEqual(new Set([200, 429, 500]));
      const failed = a.filter((s) => s !== 200).length;
      expect(failed).toBeGreaterThan(15);
      expect(failed).toBeLessThan(45);
    } finally {
      await Promise.all([other.close(), third.close()]);
    }
  });

  it("send Retry-After with a 429", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["429"] }, retryAfterSeconds: 3 });
    const response = await chat(ask("pong"));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(await response.json()).toMatchObject({ error: { code: "rate_limit_exceeded" } });
  });

  it("cut JSON in half when truncated", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["truncated"] } });
    const response = await chat(ask("pong"));
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(() => JSON.parse(text)).toThrow();
  });

  it("return no choices when empty_choices", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["empty_choices"] } });
    expect(await (await chat(ask("pong"))).json()).toMatchObject({ choices: [] });
  });

  it("hold a timeout for timeoutMs and then drop the connection", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["timeout"] }, timeoutMs: 150 });
    const started = performance.now();
    await expect(chat(ask("pong"))).rejects.toThrow();
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("stop when rate is 0", async () => {
    fake.setOptions({ faults: { rate: 0, kinds: ["500"] } });
    expect(await statuses(fake, 20)).toEqual(Array(20).fill(200));
  });
});

describe("close", () => {
  it("returns promptly while a request is being held", async () => {
    const held = await startFakeOpenAI({ faults: { rate: 1, kinds: ["timeout"] }, timeoutMs: 60_000 });
    const pending = chat(ask("pong"), { url: held.url }).catch(() => "dropped");
    while (held.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    const started = performance.now();
    await held.close();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe("dropped");
  });
});
