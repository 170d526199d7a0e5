import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/benchmarks/random";
import { bootstrap, medianAggregate } from "@/lib/scoring/statistics/bootstrap";
import { mean, median } from "@/lib/scoring/statistics/describe";

// The references come from an independent python3 re-implementation: mulberry32 written with
// 32-bit masks, indices int(u·n), and numpy.quantile (type 7) of the B statistics.

describe("bootstrap", () => {
  it("uses the same mulberry32 stream as the python reference", () => {
    const random = mulberry32(1);
    expect([random(), random(), random()]).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522]);
  });

  it("reproduces the python percentile interval of the mean (seed 7, B = 500)", () => {
    const data = [0.12, 0.5, 0.33, 0.91, 0.27, 0.64, 0.08, 0.45];
    const result = bootstrap(data, mean, { seed: 7, B: 500 });
    expect(result.value).toBeCloseTo(0.4125, 12);
    expect(result.ci?.[0]).toBeCloseTo(0.2349375, 10);
    expect(result.ci?.[1]).toBeCloseTo(0.58815625, 10);
    // 90%: numpy.quantile(stats, [0.05, 0.95]) = [0.265, 0.5675625]
    const ninety = bootstrap(data, mean, { seed: 7, B: 500, confidence: 0.9 });
    expect(ninety.ci?.[0]).toBeCloseTo(0.265, 10);
    expect(ninety.ci?.[1]).toBeCloseTo(0.5675625, 10);
  });

  it("is deterministic for a seed and has no interval below two values", () => {
    const data = [1, 5, 2, 8, 3];
    expect(bootstrap(data, mean, { seed: 3 })).toEqual(bootstrap(data, mean, { seed: 3 }));
    expect(bootstrap([4], mean).ci).toBeNull();
  });
});

describe("medianAggregate", () => {
  it("matches the python reference (seed 42, B = 2000)", () => {
    // python3: statistics.median per resample, numpy.quantile(..., [0.025, 0.975]) = [2.0, 5.0]
    const result = medianAggregate([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5], { seed: 42 });
    expect(result).toEqual({ n: 11, value: 4, ci: [2, 5], method: "bootstrap-percentile" });
  });

  it("averages the middle pair for even counts", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
