import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { models } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import { judgeResponse } from "@/lib/jobs/judge";
import { RateLimitFull } from "@/lib/providers/call-limits";
import { type CallFailure, callModel } from "@/lib/providers/call-model";
import { type StreamEvent, streamModel } from "@/lib/providers/stream-model";
import { LlmJudgeParams } from "@/lib/scoring/scorers/llm-judge";
import { createModel } from "@/lib/services/models/write";
import { testConnection } from "@/lib/services/models/test-connection";
import { CreateModel } from "@/lib/validation/models";
import { type FakeOpenAI, startFakeOpenAI } from "../support/fake-openai";
import { makeProject, makeUser } from "../support/factories";

let ctx: ProjectCtx;
let fake: FakeOpenAI;

beforeAll(async () => {
  await makeUser();
  ctx = await makeProject();
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());

/** A model row on the fake endpoint, as callers load it. */
async function modelRow(key: string, extra: Record<string, unknown> = {}) {
  const created = await createModel(ctx, CreateModel.parse({ key, name: key, api_url: fake.url, ...extra }));
  const [row] = await db.select().from(models).where(eq(models.id, created.id));
  if (!row) throw new Error("model row missing");
  return row;
}

const ping = [{ role: "user" as const, content: "Reply with pong" }];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Windows are calendar minutes: start well inside one so a boundary cannot split a test. */
async function awayFromMinuteBoundary() {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 50_000) await sleep(60_000 - intoMinute + 100);
}

describe("callModel", () => {
  it("calls over HTTP with the model's key and returns usage, latency and cost from its prices", async () => {
    fake.setOptions({ requireApiKey: "sk-call" });
    const model = await modelRow("fake/priced", { api_key: "sk-call", price_input_per_m: 2, price_output_per_m: 10 });
    const result = await callModel(model, { messages: ping });
    fake.setOptions({ requireApiKey: undefined });
    expect(result.text).toBe("pong");
    expect(result.simulated).toBe(false);
    // The fake counts ceil(chars / 4): "Reply with pong" is 15 characters, "pong" 4.
    expect(result.usage).toEqual({ promptTokens: 4, completionTokens: 1, estimated: false });
    expect(result.cost).toBeCloseTo((2 * 4 + 10 * 1) / 1e6, 12);
    expect(result.attempts).toBe(1);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("throws a failure carrying the attempts, and reports each failed attempt as it happens", async () => {
    const model = await modelRow("fake/broken");
    fake.setOptions({ faults: { rate: 1, kinds: ["500"] } });
    const seen: string[] = [];
    const error = (await callModel(model, { messages: ping, maxAttempts: 2, onFailedAttempt: (e) => void seen.push(e.kind) }).catch(
      (e) => e,
    )) as CallFailure;
    fake.setOptions({ faults: undefined });
    expect(error.kind).toBe("server_error");
    expect(error.attempts).toBe(2);
    expect(seen).toEqual(["server_error", "server_error"]);
  });

  it("answers simulated models without a network, deterministically", async () => {
    const model = await modelRow("sim/call", {
      endpoint_type: "simulated",
      api_url: undefined,
      simulation: { seed: 3, accuracy: 1, latencyMs: { mean: 0, stddev: 0 } },
    });
    const before = fake.requests.length;
    const result = await callModel(model, { messages: ping, simulated: { key: "k", truth: "42" } });
    expect(result).toMatchObject({ text: "42", simulated: true, usage: { estimated: true } });
    expect(fake.requests.length).toBe(before);
  });

  it("keeps a model's calls within its max_concurrency", async () => {
    const model = await modelRow("fake/narrow", { max_concurrency: 2 });
    fake.setOptions({ latencyMs: 60 });
    const peakBefore = fake.maxInFlight();
    expect(peakBefore).toBeLessThanOrEqual(1);
    await Promise.all(Array.from({ length: 8 }, () => callModel(model, { messages: ping })));
    fake.setOptions({ latencyMs: 0 });
    expect(fake.maxInFlight()).toBe(2);
  });

  it("claims the model's rpm for every attempt, retries included", async () => {
    await awayFromMinuteBoundary();
    const model = await modelRow("fake/rpm-retries", { rpm_limit: 2 });
    fake.setOptions({ faults: { rate: 1, kinds: ["500"] } });
    const controller = new AbortController();
    const pending = callModel(model, { messages: ping, maxAttempts: 5, signal: controller.signal }).catch((e: CallFailure) => e);
    await sleep(2_000);
    fake.setOptions({ faults: undefined });
    // Two attempts fit the minute; the third waits for the next window instead of reaching the endpoint.
    expect(fake.requests.filter((r) => (r.body as { model?: string }).model === "fake/rpm-retries")).toHaveLength(2);
    controller.abort();
    expect(await pending).toMatchObject({ message: "Cancelled", attempts: 3 });
  });
});

describe("failFast (the gateway must not wait)", () => {
  it("throws RateLimitFull with the time to the next window instead of waiting, and does not retry it", async () => {
    await awayFromMinuteBoundary();
    const model = await modelRow("fake/fail-fast", { rpm_limit: 1 });
    await callModel(model, { messages: ping, failFast: true });
    const before = fake.requests.length;
    const started = performance.now();
    const error = await callModel(model, { messages: ping, failFast: true, maxAttempts: 3 }).catch((e: CallFailure) => e);
    expect(error).toBeInstanceOf(RateLimitFull);
    expect(error).toMatchObject({ kind: "rate_limited", attempts: 1 });
    expect((error as CallFailure).retryAfterMs).toBeGreaterThan(0);
    expect((error as CallFailure).retryAfterMs).toBeLessThanOrEqual(60_000);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(fake.requests.length).toBe(before);
  });
});

describe("streamModel", () => {
  it("passes deltas through as they arrive and ends with usage and cost", async () => {
    const model = await modelRow("fake/stream", { price_output_per_m: 100_000 });
    fake.setOptions({ streamIntervalMs: 100, answer: () => "one two three four" });
    const events: (StreamEvent & { at: number })[] = [];
    const started = performance.now();
    for await (const event of streamModel(model, { messages: ping })) events.push({ ...event, at: performance.now() - started });
    fake.setOptions({ streamIntervalMs: 0, answer: undefined });
    const deltas = events.filter((e) => e.type === "delta");
    expect(deltas.map((e) => (e.type === "delta" ? e.content : ""))).toEqual(["one ", "two ", "three ", "four"]);
    const done = events.at(-1);
    if (done?.type !== "done") throw new Error("no done event");
    // Six events 100 ms apart: the first delta was read long before the stream ended.
    expect(done.at - (deltas[0]?.at ?? 0)).toBeGreaterThan(250);
    expect(done.result.text).toBe("one two three four");
    expect(done.result.usage).toMatchObject({ completionTokens: 5, estimated: false });
    expect(done.result.cost).toBeCloseTo(0.5, 9);
  });

  it("retries a stream that fails before its first byte", async () => {
    const model = await modelRow("fake/stream-retry");
    fake.setOptions({ faults: { rate: 1, kinds: ["429"] }, retryAfterSeconds: 1 });
    const iterator = streamModel(model, { messages: ping, maxAttempts: 3 });
    const first = iterator.next();
    await sleep(100);
    fake.setOptions({ faults: undefined, retryAfterSeconds: undefined });
    const events: StreamEvent[] = [(await first).value as StreamEvent];
    for await (const event of iterator) events.push(event);
    const done = events.at(-1);
    expect(done?.type === "done" && done.result.attempts).toBeGreaterThanOrEqual(2);
    expect(done?.type === "done" && done.result.text).toBe("pong");
  });
});

describe("callers share the path", () => {
  it("makes the LLM judge respect the judge model's rpm limit", async () => {
    await awayFromMinuteBoundary();
    const judge = await modelRow("fake/judge-rpm", { rpm_limit: 2 });
    fake.setOptions({ answer: () => "Fine. Score: 5" });
    const params = LlmJudgeParams.parse({ judge_model_id: judge.id, prompt_template: "Grade this answer: {{ response }}" });
    const task = { key: "t", type: "FRQ" as const, input: "What is 2 + 2?", truth: "4" };
    const verdicts = Array.from({ length: 3 }, () => judgeResponse(task as never, { response: "4" }, params, judge));
    await sleep(1_500);
    const judged = fake.requests.filter((r) => (r.body as { model?: string }).model === "fake/judge-rpm");
    fake.setOptions({ answer: undefined });
    // Before callModel the judge skipped the limits: all three calls reached the endpoint at once.
    expect(judged).toHaveLength(2);
    void verdicts;
  });

  it("sends test connection through callModel, so the model's limits and errors apply", async () => {
    const model = await modelRow("fake/conn", { api_key: "sk-wrong" });
    fake.setOptions({ requireApiKey: "sk-right" });
    const result = await testConnection(ctx, model.id);
    fake.setOptions({ requireApiKey: undefined });
    // Connection errors name the URL called and its HTTP status (issue 10, item 1).
    expect(result).toMatchObject({
      ok: false,
      kind: "client_error",
      status: 401,
      error: `${fake.url} answered HTTP 401: Incorrect API key provided.`,
    });
  });
});
