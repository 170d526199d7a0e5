import { describe, expect, it } from "vitest";
import { CreateModel, ExtraPayload, ModelKey, UpdateModel } from "@/lib/validation/models";
import { Password, SignUp, Username } from "@/lib/validation/users";

const openai = { key: "my-model", name: "My model", api_url: "https://api.example.com/v1/chat/completions" };

function issues(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("CreateModel", () => {
  it("accepts a minimal OpenAI-compatible model and fills defaults", () => {
    const parsed = CreateModel.parse(openai);
    expect(parsed).toMatchObject({ endpoint_type: "openai", visibility: "custom", description: "" });
  });

  it.each(["messages", "model", "stream"])("rejects extra_payload setting %s, naming the key", (key) => {
    const found = issues(CreateModel.safeParse({ ...openai, extra_payload: { temperature: 1, [key]: "x" } }));
    expect(found).toHaveLength(1);
    expect(found[0]?.path).toBe(`extra_payload.${key}`);
    expect(found[0]?.message).toContain(`"${key}"`);
  });

  it("accepts other extra_payload keys, and rejects oversized payloads", () => {
    expect(ExtraPayload.safeParse({ temperature: 0.5, response_format: { type: "json_object" } }).success).toBe(true);
    expect(ExtraPayload.safeParse({ blob: "x".repeat(20_001) }).success).toBe(false);
  });

  it("accepts lowercase keys with '.', '-' and '/'", () => {
    for (const key of ["my-org/custom-model-v1", "gpt-4o", "llama3.1/8b", "0day"]) expect(ModelKey.safeParse(key).success).toBe(true);
  });

  it("rejects uppercase, spaces and leading punctuation in keys", () => {
    for (const key of ["My-Model", "my model", "-model", "/model", "", "a".repeat(257)])
      expect(ModelKey.safeParse(key).success).toBe(false);
  });

  it("requires api_url for an OpenAI-compatible model", () => {
    const found = issues(CreateModel.safeParse({ key: "m", name: "M" }));
    expect(found.map((i) => i.path)).toEqual(["api_url"]);
  });

  it("rejects a non-http api_url", () => {
    const found = issues(CreateModel.safeParse({ ...openai, api_url: "ftp://example.com/v1" }));
    expect(found.map((i) => i.path)).toContain("api_url");
  });

  it("requires simulation settings for a simulated model, but no api_url", () => {
    expect(issues(CreateModel.safeParse({ key: "sim", name: "Sim", endpoint_type: "simulated" })).map((i) => i.path)).toEqual([
      "simulation",
    ]);
    const simulation = { seed: 1, accuracy: 0.8, latencyMs: { mean: 100, stddev: 10 } };
    expect(CreateModel.safeParse({ key: "sim", name: "Sim", endpoint_type: "simulated", simulation }).success).toBe(true);
  });

  it("rejects an accuracy outside [0, 1]", () => {
    const simulation = { seed: 1, accuracy: 1.5, latencyMs: { mean: 100, stddev: 10 } };
    expect(issues(CreateModel.safeParse({ key: "sim", name: "Sim", endpoint_type: "simulated", simulation })).map((i) => i.path)).toContain(
      "simulation.accuracy",
    );
  });

  it("limits the name to 256 characters and requires one", () => {
    expect(CreateModel.safeParse({ ...openai, name: "n".repeat(256) }).success).toBe(true);
    expect(issues(CreateModel.safeParse({ ...openai, name: "n".repeat(257) })).map((i) => i.path)).toEqual(["name"]);
    expect(issues(CreateModel.safeParse({ ...openai, name: "   " })).map((i) => i.path)).toEqual(["name"]);
  });

  it("rejects negative prices", () => {
    expect(issues(CreateModel.safeParse({ ...openai, price_input_per_m: -1 })).map((i) => i.path)).toEqual(["price_input_per_m"]);
  });

  it("takes max_concurrency as an optional whole number of at least 1", () => {
    expect(CreateModel.parse({ ...openai, max_concurrency: 8 }).max_concurrency).toBe(8);
    expect(CreateModel.parse(openai).max_concurrency).toBeUndefined();
    for (const bad of [0, 2.5, -1])
      expect(issues(CreateModel.safeParse({ ...openai, max_concurrency: bad })).map((i) => i.path)).toEqual(["max_concurrency"]);
  });
});

describe("UpdateModel", () => {
  it("allows null to remove the API key and a new endpoint type (a catalog entry getting an endpoint)", () => {
    expect(UpdateModel.parse({ api_key: null })).toEqual({ api_key: null });
    expect(UpdateModel.parse({ endpoint_type: "openai" })).toEqual({ endpoint_type: "openai" });
  });

  it("still refuses reserved extra_payload keys", () => {
    expect(issues(UpdateModel.safeParse({ extra_payload: { stream: true } })).map((i) => i.path)).toEqual(["extra_payload.stream"]);
  });
});

describe("users", () => {
  it("requires passwords of at least 8 characters", () => {
    expect(Password.safeParse("1234567").success).toBe(false);
    expect(Password.safeParse("12345678").success).toBe(true);
    expect(Password.safeParse("p".repeat(257)).success).toBe(false);
  });

  it.each(["alice", "Bob_99", "a.b-c", "abc"])("accepts username %s", (name) => {
    expect(Username.safeParse(name).success).toBe(true);
  });

  it.each(["ab", "_alice", ".alice", "al ice", "alice!", "a".repeat(41), "élodie"])("rejects username %s", (name) => {
    expect(Username.safeParse(name).success).toBe(false);
  });

  it("trims usernames and lowercases emails on sign-up", () => {
    expect(SignUp.parse({ username: "  alice ", email: " Alice@Example.COM ", password: "long enough" })).toEqual({
      username: "alice",
      email: "alice@example.com",
      password: "long enough",
    });
  });

  it("rejects an invalid email, naming the field", () => {
    expect(issues(SignUp.safeParse({ username: "alice", email: "nope", password: "long enough" })).map((i) => i.path)).toEqual(["email"]);
  });
});
