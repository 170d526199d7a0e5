import { describe, expect, it } from "vitest";
import { forwardedParams } from "@/lib/gateway/request";
import { simulatedReply } from "@/lib/gateway/simulated";
import { aggregateFromSums, meanAggregate, wilsonInterval } from "@/lib/scoring/statistics";
import { feedbackValue } from "@/lib/services/feedback/value";
import { storedMessages } from "@/lib/services/interactions/messages";
import { candidates, type Routing } from "@/lib/services/use-cases/routing";

describe("feedback values", () => {
  it("accept 0, 1, true and false for bool keys and any finite number for scalar keys", () => {
    expect([0, 1, true, false].map((v) => feedbackValue("bool", v))).toEqual([0, 1, 1, 0]);
    expect(() => feedbackValue("bool", 0.5)).toThrow(/0, 1, true or false/);
    expect(() => feedbackValue("bool", 2)).toThrow();
    expect(feedbackValue("scalar", -3.25)).toBe(-3.25);
    expect(() => feedbackValue("scalar", true)).toThrow(/must be a number/);
  });
});

describe("aggregates from running sums", () => {
  it("match the per-value statistics: Wilson for bool, Student t for scalar", () => {
    const values = [2.5, 3, 4.75, 1, 5, 3.5];
    const sum = values.reduce((s, v) => s + v, 0);
    const squares = values.reduce((s, v) => s + v * v, 0);
    const fromSums = aggregateFromSums("scalar", values.length, sum, squares);
    const direct = meanAggregate(values);
    expect(fromSums.value).toBeCloseTo(direct.value, 12);
    expect(fromSums.ci?.[0]).toBeCloseTo(direct.ci?.[0] as number, 10);
    expect(fromSums.ci?.[1]).toBeCloseTo(direct.ci?.[1] as number, 10);
    expect(aggregateFromSums("bool", 10, 7, 7).ci).toEqual(wilsonInterval(7, 10));
    expect(aggregateFromSums("scalar", 1, 4, 16).ci).toBeNull();
    expect(aggregateFromSums("bool", 0, 0, 0)).toMatchObject({ n: 0, ci: null });
  });
});

describe("gateway helpers", () => {
  it("forward OpenAI fields and keep Yardstick's own out of the provider's body", () => {
    const body = {
      model: "default",
      messages: [],
      temperature: 0.2,
      logprobs: true,
      use_case: "x",
      labels: { a: "b" },
      ab_campaign: "t",
      stream: true,
    };
    expect(forwardedParams(body)).toEqual({ messages: [], temperature: 0.2, logprobs: true });
  });

  it("store message content as text, joining text parts", () => {
    expect(
      storedMessages([{ role: "user", content: [{ type: "text", text: "a" }, { type: "image_url" }, { type: "text", text: "b" }] }]),
    ).toEqual([{ role: "user", content: "ab" }]);
    expect(storedMessages([{ role: "assistant", content: null }])).toEqual([{ role: "assistant", content: "" }]);
  });

  it("give simulated replies that repeat for the same prompt and differ per choice", () => {
    const config = { seed: 3, accuracy: 1, latencyMs: { mean: 0, stddev: 0 } };
    expect(simulatedReply(config, "M", "hi", 0)).toBe(simulatedReply(config, "M", "hi", 0));
    expect(simulatedReply(config, "M", "hi", 0)).toMatch(/^\(M, simulated\) /);
  });

  it("route `default` to the default model, then the online fallbacks in order", () => {
    const model = (key: string) => ({ key }) as Routing["models"][number]["model"];
    const routing: Routing = {
      useCase: { id: "u", key: "uc", projectId: "p" },
      models: [
        { model: model("a"), isDefault: true, online: true, fallbackOrder: null },
        { model: model("b"), isDefault: false, online: true, fallbackOrder: 2 },
        { model: model("c"), isDefault: false, online: false, fallbackOrder: 1 },
        { model: model("d"), isDefault: false, online: true, fallbackOrder: 1 },
      ],
    };
    expect(candidates(routing, "default").map((m) => m.model.key)).toEqual(["a", "d", "b"]);
    expect(candidates(routing, "b").map((m) => m.model.key)).toEqual(["b", "d"]);
    expect(() => candidates(routing, "c")).toThrow(/offline/);
    expect(() => candidates(routing, "zzz")).toThrow(/not attached/);
  });
});
