import { describe, expect, it } from "vitest";
import { accuracy } from "@/lib/scoring/statistics/accuracy";
import { categoricalCount } from "@/lib/scoring/statistics/categorical";
import { zCritical } from "@/lib/scoring/statistics/quantiles";
import { wilsonInterval } from "@/lib/scoring/statistics/wilson";

// Reference numbers: python3 with math only, z = statistics.NormalDist().inv_cdf(0.975) = 1.959963984540054,
// centre = (p + z²/2n)/(1 + z²/n), half = z/(1 + z²/n)·√(p(1−p)/n + z²/4n²).
const WILSON: [number, number, number, number][] = [
  [8, 10, 0.4901624715366418, 0.9433178485456248],
  [0, 10, 0, 0.2775327998628892],
  [10, 10, 0.7224672001371107, 1],
  [50, 100, 0.4038315303659956, 0.5961684696340044],
  [1, 3, 0.06149194472039615, 0.7923403991979523],
  [0, 1, 0, 0.7934506856227626],
];

describe("wilsonInterval", () => {
  it("uses z = 1.959964 for 95%", () => {
    expect(zCritical(0.95)).toBeCloseTo(1.959963984540054, 10);
  });

  it.each(WILSON)("matches python for %i/%i", (k, n, lo, hi) => {
    const ci = wilsonInterval(k, n);
    expect(ci?.[0]).toBeCloseTo(lo, 9);
    expect(ci?.[1]).toBeCloseTo(hi, 9);
  });

  it("has no interval without observations", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("accuracy", () => {
  it("counts booleans and 1/0 scores", () => {
    const result = accuracy([true, true, false, true, true, true, true, false, true, true]);
    expect(result).toMatchObject({ n: 10, value: 0.8, method: "wilson" });
    expect(result.ci?.[0]).toBeCloseTo(0.4901624715366418, 9);
    expect(accuracy([1, 0, 1]).value).toBeCloseTo(2 / 3, 12);
  });

  it("returns NaN and no interval when empty", () => {
    expect(accuracy([])).toMatchObject({ n: 0, ci: null });
    expect(accuracy([]).value).toBeNaN();
  });
});

describe("categoricalCount", () => {
  it("gives counts, proportions and a Wilson interval per category", () => {
    const result = categoricalCount(["A", "B", "A", "C", "A"]);
    expect(result.n).toBe(5);
    expect(result.categories.map((c) => [c.category, c.count, c.proportion])).toEqual([
      ["A", 3, 0.6],
      ["B", 1, 0.2],
      ["C", 1, 0.2],
    ]);
    // python3 math (formula above): 3/5 → (0.2307242812760128, 0.882379225767352); 1/5 → (0.036224108632430085, 0.6244653702374747)
    expect(result.categories[0]?.ci?.[0]).toBeCloseTo(0.2307242812760128, 9);
    expect(result.categories[0]?.ci?.[1]).toBeCloseTo(0.882379225767352, 9);
    expect(result.categories[1]?.ci?.[0]).toBeCloseTo(0.036224108632430085, 9);
    expect(result.categories[2]?.ci?.[1]).toBeCloseTo(0.6244653702374747, 9);
  });

  it("stringifies booleans and numbers", () => {
    expect(categoricalCount([true, false, true]).categories.map((c) => c.category)).toEqual(["true", "false"]);
  });
});
