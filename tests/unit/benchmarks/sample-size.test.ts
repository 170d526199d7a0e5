import { describe, expect, it } from "vitest";
import { infiniteSampleSize, recommendedMinTasks, SAMPLE_SIZE_FORMULA } from "@/lib/benchmarks/sample-size";

// Expected values computed independently in Python 3:
//   n0 = 1.959964**2 * 0.25 / 0.05**2                  -> 384.1458881296
//   min(N, math.ceil(n0 / (1 + (n0 - 1) / N)))  for each N below
// e.g. N = 1319: 384.1459 / (1 + 383.1459/1319) = 384.1459 / 1.290482 = 297.676 -> 298.
describe("recommendedMinTasks", () => {
  it("has n0 ≈ 384.15 for an infinite population, i.e. 385 tasks", () => {
    expect(infiniteSampleSize()).toBeCloseTo(384.1458881296, 9);
    expect(recommendedMinTasks(Number.POSITIVE_INFINITY)).toBe(385);
  });

  it.each([
    [1319, 298],
    [1000, 278],
    [10_000, 370],
    [100_000, 383],
    [385, 193],
    [100, 80],
    [50, 45],
    [10, 10],
    [1, 1],
    [0, 0],
  ])("N = %i → %i", (population, expected) => {
    expect(recommendedMinTasks(population)).toBe(expected);
  });

  it("never exceeds N", () => {
    for (let n = 1; n <= 50; n++) expect(recommendedMinTasks(n)).toBeLessThanOrEqual(n);
  });

  it("documents the formula for the UI", () => {
    expect(SAMPLE_SIZE_FORMULA).toContain("z²·p(1−p)/e²");
    expect(SAMPLE_SIZE_FORMULA).toContain("(n₀ − 1)/N");
  });
});
