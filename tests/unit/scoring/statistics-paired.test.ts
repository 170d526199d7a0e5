import { describe, expect, it } from "vitest";
import { mcnemarExact, pairedDifference, pairedTTest } from "@/lib/scoring/statistics/paired";

// Every reference below was computed independently with python3 + scipy 1.17 + numpy, as noted per value.

describe("mcnemarExact (two-sided exact binomial test on the discordant pairs)", () => {
  it.each([
    // scipy.stats.binomtest(k, n, 0.5).pvalue
    [3, 12, 0.03515625], // binomtest(3, 15)
    [8, 1, 0.0390625], // binomtest(1, 9)
    [10, 0, 0.001953125], // binomtest(0, 10) = 2 · 2⁻¹⁰
    [0, 5, 0.0625], // binomtest(0, 5)
    [40, 60, 0.05688793364098089], // binomtest(40, 100)
    [500, 600, 0.0028195449914364284], // binomtest(500, 1100): past 2⁻¹⁰⁷⁴
    [4000, 4400, 1.3353978213570538e-5], // binomtest(4000, 8400)
  ])("onlyA = %i, onlyB = %i → p = %s", (onlyA, onlyB, p) => {
    const result = mcnemarExact(onlyA, onlyB);
    expect(result.p / p).toBeCloseTo(1, 9);
    expect(result).toMatchObject({ onlyA, onlyB });
  });

  it("stays accurate far in the tail (binomtest(3000, 8400) = 4.121086579009029e-153)", () => {
    expect(mcnemarExact(3000, 5400).p / 4.121086579009029e-153).toBeCloseTo(1, 6);
  });

  it("caps p at 1 for balanced or absent discordance", () => {
    expect(mcnemarExact(7, 7).p).toBe(1);
    expect(mcnemarExact(0, 1).p).toBe(1); // binomtest(0, 1) = 1.0
    expect(mcnemarExact(0, 0).p).toBe(1);
  });
});

describe("paired differences and the paired t-test", () => {
  const a = [0.2, 0.5, 0.9, 0.4, 0.7, 1.0, 0.3, 0.6, 0.8, 0.1];
  const b = [0.3, 0.55, 0.85, 0.6, 0.75, 1.0, 0.5, 0.6, 0.95, 0.3];

  it("matches scipy on numeric scores", () => {
    // d = b − a: d.mean() = 0.09, scipy.stats.sem(d) = 0.029627314724385293,
    // scipy.stats.t.interval(0.95, 9, loc=0.09, scale=sem) = (0.022978357781755082, 0.1570216422182449)
    const diff = pairedDifference(a, b);
    expect(diff.n).toBe(10);
    expect(diff.value).toBeCloseTo(0.09, 12);
    expect(diff.se).toBeCloseTo(0.029627314724385293, 12);
    expect(diff.ci?.[0]).toBeCloseTo(0.022978357781755082, 7);
    expect(diff.ci?.[1]).toBeCloseTo(0.1570216422182449, 7);
    // scipy.stats.ttest_rel(b, a): statistic = 3.0377373325002646, pvalue = 0.014069338269317711, df = 9
    const test = pairedTTest(a, b);
    expect(test?.t).toBeCloseTo(3.0377373325002646, 10);
    expect(test?.df).toBe(9);
    expect(test?.p).toBeCloseTo(0.014069338269317711, 8);
    // Swapping the runs flips the sign, not the p-value.
    expect(pairedTTest(b, a)?.t).toBeCloseTo(-3.0377373325002646, 10);
  });

  it("matches scipy on pass/fail scores (differences in {−1, 0, 1})", () => {
    const passA = [1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 1];
    const passB = [1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
    // d.mean() = 1/6; scipy.stats.t.interval(0.95, 11, loc=d.mean(), scale=sem(d)) = (-0.28936393015494855, 0.6226972634882819)
    const diff = pairedDifference(passA, passB);
    expect(diff.value).toBeCloseTo(1 / 6, 12);
    expect(diff.ci?.[0]).toBeCloseTo(-0.28936393015494855, 7);
    expect(diff.ci?.[1]).toBeCloseTo(0.6226972634882819, 7);
  });

  it("keeps a tiny p-value accurate for a large effect", () => {
    // numpy: i = arange(200); a = (i % 7) / 7; b = a + ((i % 5) + 1) / 10
    // ttest_rel(b, a): statistic = 29.924906014890002, pvalue = 1.345787742687021e-75;
    // t.interval(0.95, 199, loc=0.3, scale=sem(b − a)) = (0.28023094999926934, 0.31976905000073064)
    const x = Array.from({ length: 200 }, (_, i) => (i % 7) / 7);
    const y = x.map((v, i) => v + ((i % 5) + 1) / 10);
    const test = pairedTTest(x, y);
    expect(test?.t).toBeCloseTo(29.924906014890002, 8);
    expect((test?.p ?? 0) / 1.345787742687021e-75).toBeCloseTo(1, 6);
    const diff = pairedDifference(x, y);
    expect(diff.ci?.[0]).toBeCloseTo(0.28023094999926934, 7);
    expect(diff.ci?.[1]).toBeCloseTo(0.31976905000073064, 7);
  });

  it("handles degenerate inputs without NaN p-values", () => {
    expect(pairedTTest([1, 0, 1], [1, 0, 1])).toMatchObject({ t: 0, p: 1 });
    expect(pairedTTest([0, 0, 0], [1, 1, 1])).toMatchObject({ p: 0 });
    expect(pairedDifference([0, 0, 0], [1, 1, 1]).ci).toEqual([1, 1]);
    expect(pairedTTest([1], [0])).toBeNull();
    expect(pairedDifference([1], [0]).ci).toBeNull();
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same length/);
  });
});
