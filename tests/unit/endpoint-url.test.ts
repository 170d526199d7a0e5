process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "true";

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatCompletion } from "@/lib/providers/chat-client";
import { chatCompletionsUrl } from "@/lib/providers/endpoint-url";
import { CreateModel } from "@/lib/validation/models";
import { type FakeOpenAI, startFakeOpenAI } from "@/tests/support/fake-openai";
import { providerFailure } from "@/tests/support/provider-failure";

describe("chatCompletionsUrl", () => {
  it.each([
    ["https://api.openai.com/v1", "https://api.openai.com/v1/chat/completions"],
    ["https://api.openai.com/v1/", "https://api.openai.com/v1/chat/completions"],
    ["https://api.openai.com/v1/chat/completions", "https://api.openai.com/v1/chat/completions"],
    ["https://api.openai.com/v1/chat/completions/", "https://api.openai.com/v1/chat/completions"],
    ["http://localhost:8000", "http://localhost:8000/chat/completions"],
    [
      "https://x.openai.azure.com/openai/deployments/d?api-version=2024-06-01",
      "https://x.openai.azure.com/openai/deployments/d/chat/completions?api-version=2024-06-01",
    ],
  ])("stores %s as %s", (input, stored) => {
    expect(chatCompletionsUrl(input)).toBe(stored);
    expect(chatCompletionsUrl(stored)).toBe(stored);
  });

  it("is applied when a model is validated, so base and full URLs store the same", () => {
    const base = CreateModel.parse({ key: "a/b", name: "B", api_url: "https://host.example/v1" });
    const full = CreateModel.parse({ key: "a/b", name: "B", api_url: "https://host.example/v1/chat/completions" });
    expect(base.api_url).toBe("https://host.example/v1/chat/completions");
    expect(full.api_url).toBe(base.api_url);
  });
});

describe("connection errors", () => {
  let fake: FakeOpenAI;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
  });
  afterAll(() => fake.close());
  const ping = [{ role: "user" as const, content: "Reply with pong" }];

  it("name the URL called and the HTTP status", async () => {
    const wrong = `${fake.baseUrl}/completions`;
    const error = await providerFailure(chatCompletion({ url: wrong, model: "m" }, ping, { maxAttempts: 1 }));
    expect(error.status).toBe(404);
    expect(error.message).toMatch(new RegExp(`^${wrong.replaceAll(".", "\\.")} answered HTTP 404: `));
  });

  it("name the URL of an endpoint that cannot be reached", async () => {
    const error = await providerFailure(
      chatCompletion({ url: "http://127.0.0.1:9/v1/chat/completions?key=s", model: "m" }, ping, { maxAttempts: 1 }),
    );
    expect(error.message).toMatch(/^Could not reach http:\/\/127\.0\.0\.1:9\/v1\/chat\/completions: /);
    expect(error.message).not.toContain("key=s");
  });

  it("a base URL, normalised, reaches the endpoint", async () => {
    const result = await chatCompletion({ url: chatCompletionsUrl(fake.baseUrl), model: "m" }, ping);
    expect(result.text).toBe("pong");
  });
});
