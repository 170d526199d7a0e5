import { describe, expect, it } from "vitest";
import { estimate } from "@/components/runs/new/estimate";
import { INITIAL_CONFIG, type RunnableModel } from "@/components/runs/new/types";

const model = (over: Partial<RunnableModel>): RunnableModel => ({
  id: "m",
  name: "M",
  simulated: false,
  latency_s: null,
  latency_source: null,
  max_concurrency: null,
  price_in: null,
  price_out: null,
  ...over,
});
const bench = (task_count: number, id = "b") => ({ id, name: id, version: 1, task_count });

describe("estimate", () => {
  it("times a run by the model's recent median latency and the chosen concurrency", () => {
    // 120 tasks, 8 in flight, 0.5 s each: 15 rounds of 0.5 s.
    const e = estimate([model({ latency_s: 0.5, latency_source: "recent" })], [bench(120)], INITIAL_CONFIG);
    expect(e.seconds).toBe(7.5);
    expect(estimate([model({ latency_s: 0.5 })], [bench(120)], { ...INITIAL_CONFIG, concurrency: "32" }).seconds).toBe(2);
  });

  it("caps calls in flight at the model's own limit and runs models side by side", () => {
    const capped = model({ latency_s: 1, max_concurrency: 2 });
    expect(estimate([capped], [bench(10)], INITIAL_CONFIG).seconds).toBe(5);
    // Two benchmarks of one model share its limit; another, faster model does not add to the time.
    expect(estimate([capped, model({ id: "f", latency_s: 0.1 })], [bench(10), bench(10, "c")], INITIAL_CONFIG).seconds).toBe(10);
  });

  it("assumes one second per call for a model with no calls on record", () => {
    expect(estimate([model({})], [bench(16)], INITIAL_CONFIG).seconds).toBe(2);
  });
});
