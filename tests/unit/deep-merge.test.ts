import { describe, expect, it } from "vitest";
import { buildBody } from "@/lib/providers/chat-client";
import { deepMerge } from "@/lib/providers/deep-merge";

describe("deepMerge", () => {
  it("merges nested objects and lets the override win", () => {
    const base = { a: 1, nested: { x: 1, y: 2 }, keep: true };
    expect(deepMerge(base, { a: 2, nested: { y: 3, z: 4 } })).toEqual({ a: 2, nested: { x: 1, y: 3, z: 4 }, keep: true });
  });

  it("replaces arrays and scalars instead of merging them", () => {
    expect(deepMerge({ stop: ["a", "b"], n: { deep: 1 } }, { stop: ["c"], n: 5 })).toEqual({ stop: ["c"], n: 5 });
    expect(deepMerge({ n: 5 }, { n: { deep: 1 } })).toEqual({ n: { deep: 1 } });
  });

  it("keeps null from the override", () => {
    expect(deepMerge({ seed: 1 }, { seed: null })).toEqual({ seed: null });
  });

  it("does not mutate its inputs", () => {
    const base = { nested: { x: 1 } };
    const override = { nested: { y: 2 } };
    deepMerge(base, override);
    expect(base).toEqual({ nested: { x: 1 } });
    expect(override).toEqual({ nested: { y: 2 } });
  });
});

describe("buildBody", () => {
  const messages = [{ role: "user" as const, content: "hi" }];

  it("defaults temperature to 0", () => {
    expect(buildBody({ url: "http://x", model: "m" }, messages)).toEqual({ temperature: 0, model: "m", messages, stream: false });
  });

  it("lets params override the default and extra_payload override params", () => {
    const body = buildBody(
      { url: "http://x", model: "m", extraPayload: { temperature: 0.7, response_format: { type: "json_object" } } },
      messages,
      { temperature: 0.2, top_p: 0.9, response_format: { type: "text", strict: true } },
    );
    expect(body).toMatchObject({ temperature: 0.7, top_p: 0.9, response_format: { type: "json_object", strict: true } });
  });

  it("keeps params over the default when extra_payload is silent", () => {
    expect(buildBody({ url: "http://x", model: "m", extraPayload: { seed: 1 } }, messages, { temperature: 1 })).toMatchObject({
      temperature: 1,
      seed: 1,
    });
  });

  it("always sends Yardstick's model, messages and stream", () => {
    const body = buildBody(
      { url: "http://x", model: "real-model", extraPayload: { model: "evil", messages: [], stream: true } },
      messages,
      { model: "param-model", messages: [], stream: true },
    );
    expect(body.model).toBe("real-model");
    expect(body.messages).toBe(messages);
    expect(body.stream).toBe(false);
  });
});
