import { describe, expect, it } from "vitest";
import { histogram } from "@/lib/scoring/statistics/describe";
import { type RunRecord, runStats } from "@/lib/scoring/statistics/run-stats";

const record = (overrides: Partial<RunRecord>): RunRecord => ({
  latencyMs: 1000,
  tokensIn: 10,
  tokensOut: 5,
  charsIn: 40,
  charsOut: 20,
  cost: 0.001,
  ...overrides,
});

describe("runStats", () => {
  const records = [
    record({ latencyMs: 1000, charsOut: 10, pass: true }),
    record({ latencyMs: 2000, charsOut: 30, pass: false, attempts: 3 }),
    record({ latencyMs: 2500, charsOut: 20, pass: true }),
    record({ latencyMs: 3000, charsOut: 50, pass: true }),
    record({ latencyMs: 10_000, charsOut: 40, pass: false }),
    record({ latencyMs: 30_000, charsOut: 0, error: "timeout", attempts: 2 }),
  ];

  it("counts tasks, calls and failures", () => {
    const stats = runStats(records, 8);
    expect(stats).toMatchObject({
      tasksToComplete: 8,
      tasksAnswered: 5,
      answeredCorrectly: 3,
      // attempts 1+3+1+1+1+2 = 9; failures: 2 retries + (1 retry + final error) = 4
      endpointCalls: 9,
      endpointFailures: 4,
      charsSent: 240,
      charsReceived: 150,
      tokensSent: 60,
      tokensReceived: 30,
    });
    expect(stats.cost).toBeCloseTo(0.006, 12);
  });

  it("describes seconds per task over answered tasks", () => {
    // python3 statistics on [1, 2, 2.5, 3, 10]: median 2.5, mean 3.7, stdev 3.5986108430893164;
    // numpy.histogram(bins=4) → counts [4, 0, 0, 1], edges [1, 3.25, 5.5, 7.75, 10].
    const seconds = runStats(records).secondsPerTask;
    expect(seconds?.median).toBe(2.5);
    expect(seconds?.mean).toBeCloseTo(3.7, 12);
    expect(seconds?.std).toBeCloseTo(3.5986108430893164, 12);
    expect([seconds?.min, seconds?.max]).toEqual([1, 10]);
    expect(seconds?.histogram.map((b) => b.count)).toEqual([4, 0, 0, 1]);
    expect(seconds?.histogram.map((b) => b.lo)).toEqual([1, 3.25, 5.5, 7.75]);
  });

  it("describes response length over answered tasks", () => {
    // numpy.histogram([10, 30, 20, 50, 40], bins=4) → counts [1, 1, 1, 2], edges [10, 20, 30, 40, 50].
    const lengths = runStats(records).responseLength;
    expect(lengths).toMatchObject({ median: 30, mean: 30, min: 10, max: 50 });
    expect(lengths?.histogram.map((b) => [b.lo, b.count])).toEqual([
      [10, 1],
      [20, 1],
      [30, 1],
      [40, 2],
    ]);
  });

  it("handles an empty or single-result run", () => {
    expect(runStats([])).toMatchObject({ tasksAnswered: 0, secondsPerTask: null, responseLength: null });
    expect(runStats([record({})]).secondsPerTask?.std).toBeNull();
  });
});

describe("histogram", () => {
  it("puts identical values in one bin and never loses a value", () => {
    expect(histogram([2, 2, 2])).toEqual([{ lo: 2, hi: 2, count: 3 }]);
    const values = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 997);
    const bins = histogram(values);
    expect(bins).toHaveLength(11); // Sturges: ⌈log2 1000⌉ + 1
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(1000);
  });
});
