// env() caches on first call: this file lets the client reach the local servers on 127.0.0.1.
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "true";

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { chatCompletion } from "@/lib/providers/chat-client";
import { type FakeOpenAI, startFakeOpenAI } from "@/tests/support/fake-openai";
import { providerFailure } from "@/tests/support/provider-failure";

let fake: FakeOpenAI;
let redirector: Server;
let redirectorUrl: string;

beforeEach(async () => {
  fake = await startFakeOpenAI();
  // Another origin (another port) that sends every model call on to the fake endpoint.
  redirector = createServer((_req, res) => {
    res.writeHead(307, { location: fake.url }).end();
  });
  await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.1", resolve));
  redirectorUrl = `http://127.0.0.1:${(redirector.address() as AddressInfo).port}/v1/chat/completions`;
});
afterEach(async () => {
  await fake.close();
  await new Promise((resolve) => redirector.close(resolve));
});

describe("model calls and redirects", () => {
  it("do not follow a redirect, so the key never reaches another origin, and say where it pointed", async () => {
    const error = await providerFailure(
      chatCompletion({ url: redirectorUrl, apiKey: "sk-secret", model: "m" }, [{ role: "user", content: "hi" }], { maxAttempts: 3 }),
    );
    expect(fake.requests).toHaveLength(0);
    expect(error.kind).toBe("client_error");
    expect(error.status).toBe(307);
    expect(error.message).toContain(fake.url);
    expect(error.message).toContain("307");
  });
});
