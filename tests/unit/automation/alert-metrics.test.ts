import { describe, expect, it } from "vitest";
import { crossesThreshold, inCooldown, metricValue } from "@/lib/automation/alert-metrics";

const run = {
  doneItems: 90,
  errorItems: 10,
  cost: 0.5,
  summary: {
    primary: { overall: { n: 90, value: 0.8, ci: [0.7, 0.87], method: "wilson" } },
    scorers: { exact_match: { overall: { n: 90, value: 0.75, ci: [0.65, 0.83], method: "wilson" } } },
    stats: { tasksAnswered: 90, secondsPerTask: { median: 1.25 } },
  },
};

describe("alert metrics", () => {
  it("reads scores, error rate (Wilson), median latency and cost per 1,000 tasks", () => {
    expect(metricValue(run, "score")).toEqual({ value: 0.8, n: 90, ci: [0.7, 0.87] });
    expect(metricValue(run, "score", "exact_match")?.value).toBe(0.75);
    expect(metricValue(run, "score", "missing")).toBeNull();
    const errors = metricValue(run, "error_rate");
    expect(errors?.value).toBe(0.1);
    expect(errors?.n).toBe(100);
    // Wilson 95 % for 10/100, (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n) in Python: 0.05522, 0.17437.
    expect(errors?.ci?.[0]).toBeCloseTo(0.0552, 4);
    expect(errors?.ci?.[1]).toBeCloseTo(0.1744, 4);
    expect(metricValue(run, "median_latency")).toEqual({ value: 1.25, n: 90, ci: null });
    expect(metricValue(run, "cost_per_1k")?.value).toBeCloseTo(5, 10);
    expect(metricValue({ ...run, summary: null }, "score")).toBeNull();
  });

  it("crosses thresholds upward, or downward when inverted, and respects the cooldown", () => {
    expect(crossesThreshold(0.8, 0.5, false)).toBe(true);
    expect(crossesThreshold(0.8, 0.9, true)).toBe(true);
    expect(crossesThreshold(0.8, 0.8, true)).toBe(false);
    const fired = new Date("2026-12-01T00:00:00Z");
    expect(inCooldown(fired, 60, new Date("2026-12-01T00:59:00Z"))).toBe(true);
    expect(inCooldown(fired, 60, new Date("2026-12-01T01:00:00Z"))).toBe(false);
    expect(inCooldown(null, 60, fired)).toBe(false);
  });
});
