// env() caches on first call: this file runs with private endpoints refused, as in production.
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "false";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatCompletion } from "@/lib/providers/chat-client";
import { type FakeOpenAI, startFakeOpenAI } from "@/tests/support/fake-openai";
import { providerFailure } from "@/tests/support/provider-failure";

const failure = providerFailure;

const ping = [{ role: "user" as const, content: "ping" }];

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

describe("chatCompletion with private endpoints refused", () => {
  it("refuses a literal loopback address without sending anything or retrying", async () => {
    const error = await failure(chatCompletion({ url: fake.url, model: "m" }, ping, { maxAttempts: 3 }));
    expect(error.kind).toBe("refused");
    expect(error.retryable).toBe(false);
    expect(error.attempts).toBe(1);
    expect(error.message).toMatch(/loopback/);
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a host name that resolves to loopback at connect time", async () => {
    const error = await failure(chatCompletion({ url: fake.url.replace("127.0.0.1", "localhost"), model: "m" }, ping, { maxAttempts: 3 }));
    expect(error.kind).toBe("refused");
    expect(error.attempts).toBe(1);
    expect(fake.requests).toHaveLength(0);
  });
});
