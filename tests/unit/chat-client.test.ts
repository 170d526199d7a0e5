// env() caches on first call: this file lets the client reach the fake endpoint on 127.0.0.1.
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "true";

import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { chatCompletion } from "@/lib/providers/chat-client";
import { type FakeOpenAI, startFakeOpenAI } from "@/tests/support/fake-openai";
import { providerFailure } from "@/tests/support/provider-failure";

const failure = providerFailure;

const ping = [{ role: "user" as const, content: "Reply with pong" }];

let fake: FakeOpenAI;
beforeEach(async () => {
  fake = await startFakeOpenAI();
});
afterEach(() => fake.close());

describe("chatCompletion against a real HTTP endpoint", () => {
  it("returns the text, usage and latency of a successful call", async () => {
    fake.setOptions({ latencyMs: 40, requireApiKey: "sk-right" });
    const result = await chatCompletion({ url: fake.url, apiKey: "sk-right", model: "gpt-test" }, ping);
    expect(result.text).toBe("pong");
    expect(result.usage).toEqual({ promptTokens: Math.ceil("Reply with pong".length / 4), completionTokens: 1 });
    expect(result.latencyMs).toBeGreaterThanOrEqual(35);
    expect(result.attempts).toBe(1);
    expect(result.raw).toMatchObject({ object: "chat.completion", model: "gpt-test" });
  });

  it("sends the merged body and the bearer key", async () => {
    await chatCompletion({ url: fake.url, apiKey: "sk-abc", model: "m", extraPayload: { top_p: 0.5 } }, ping, {
      params: { temperature: 0.3 },
    });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]?.headers.authorization).toBe("Bearer sk-abc");
    expect(fake.requests[0]?.body).toEqual({ temperature: 0.3, top_p: 0.5, model: "m", messages: ping, stream: false });
  });

  it("streams: asks for server-sent events and joins the deltas into the answer", async () => {
    const result = await chatCompletion({ url: fake.url, model: "m" }, ping, { stream: true });
    expect(result.text).toBe("pong");
    expect(fake.requests[0]?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(result.raw).toMatchObject({ streamed: true, content: "pong" });
  });

  it("treats a stream cut off before [DONE] as malformed, and retries it", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["truncated"] } });
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { stream: true, maxAttempts: 2 }));
    expect(error.kind).toBe("malformed");
    expect(error.attempts).toBe(2);
  });

  it("reaches a host name as well as a literal address", async () => {
    const result = await chatCompletion({ url: fake.url.replace("127.0.0.1", "localhost"), model: "m" }, ping);
    expect(result.text).toBe("pong");
  });

  it("retries a 429, waits at least Retry-After, and succeeds once the limit lifts", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["429"], seed: 1 }, retryAfterSeconds: 1 });
    const started = Date.now();
    const pending = chatCompletion({ url: fake.url, model: "m" }, ping, { maxAttempts: 3 });
    await vi.waitFor(() => expect(fake.requests).toHaveLength(1));
    fake.setOptions({ faults: undefined });
    const result = await pending;
    expect(result.text).toBe("pong");
    expect(result.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("gives up on a permanent 500 after maxAttempts, recording the attempts", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["500"] } });
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { maxAttempts: 3 }));
    expect(error.kind).toBe("server_error");
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(true);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/server had an error/);
    expect(fake.requests).toHaveLength(3);
  });

  it("does not retry a 401 and carries the provider's message", async () => {
    fake.setOptions({ requireApiKey: "sk-right" });
    const error = await failure(chatCompletion({ url: fake.url, apiKey: "sk-wrong", model: "m" }, ping, { maxAttempts: 3 }));
    expect(error.kind).toBe("client_error");
    expect(error.status).toBe(401);
    expect(error.message).toBe(`${fake.url} answered HTTP 401: Incorrect API key provided.`);
    expect(error.attempts).toBe(1);
    expect(fake.requests).toHaveLength(1);
  });

  it("reports a hung endpoint as a timeout, and retries it", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["timeout"] }, timeoutMs: 5_000 });
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { timeoutMs: 150, maxAttempts: 2 }));
    expect(error.kind).toBe("timeout");
    expect(error.attempts).toBe(2);
    expect(fake.requests).toHaveLength(2);
  });

  it("reports truncated JSON as malformed", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["truncated"] } });
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { maxAttempts: 1 }));
    expect(error.kind).toBe("malformed");
    expect(error.message).toMatch(/not valid JSON/);
  });

  it("reports a response without choices as malformed", async () => {
    fake.setOptions({ faults: { rate: 1, kinds: ["empty_choices"] } });
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { maxAttempts: 1 }));
    expect(error.kind).toBe("malformed");
    expect(error.message).toMatch(/choices/);
  });

  it("stops at once when the caller cancels", async () => {
    fake.setOptions({ latencyMs: 5_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { signal: controller.signal, maxAttempts: 3 }));
    expect(error.kind).toBe("network");
    expect(error.attempts).toBe(1);
  });

  it("reports an unreachable endpoint as a network error", async () => {
    const closed = await startFakeOpenAI();
    await closed.close();
    const error = await failure(chatCompletion({ url: closed.url, model: "m" }, ping, { maxAttempts: 1 }));
    expect(error.kind).toBe("network");
    expect(error.message).toMatch(/ECONNREFUSED/);
  });
});
