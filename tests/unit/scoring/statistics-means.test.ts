import { describe, expect, it } from "vitest";
import { clusteredMean, clusteredSE } from "@/lib/scoring/statistics/clustered";
import { meanAggregate, standardError, weightedMean } from "@/lib/scoring/statistics/mean";
import { tCritical } from "@/lib/scoring/statistics/quantiles";

describe("meanAggregate (CLT, Student t on n − 1 df)", () => {
  // python3 + scipy 1.17: x.mean() = 0.55, scipy.stats.sem(x) = 0.0957427107756338,
  // scipy.stats.t.interval(0.95, 9, loc=0.55, scale=sem) = (0.33341494103318303, 0.7665850589668168).
  const x = [0.2, 0.5, 0.9, 0.4, 0.7, 1.0, 0.3, 0.6, 0.8, 0.1];

  it("matches scipy", () => {
    const result = meanAggregate(x);
    expect(result.n).toBe(10);
    expect(result.value).toBeCloseTo(0.55, 12);
    expect(standardError(x)).toBeCloseTo(0.0957427107756338, 12);
    expect(result.ci?.[0]).toBeCloseTo(0.33341494103318303, 7);
    expect(result.ci?.[1]).toBeCloseTo(0.7665850589668168, 7);
    expect(result.method).toBe("t");
  });

  it("uses the t quantile (scipy.stats.t.ppf(0.975, 9) = 2.262157162798205)", () => {
    expect(tCritical(0.95, 9)).toBeCloseTo(2.262157162798205, 7);
  });

  it("has no interval for a single value", () => {
    expect(meanAggregate([0.4])).toMatchObject({ n: 1, value: 0.4, ci: null });
  });
});

describe("weightedMean", () => {
  it("matches the sandwich SE computed with numpy", () => {
    // python3 + numpy: x=[1,0,1,1,0], w=[1,2,3,1,1]; mw = Σwx/Σw = 0.625;
    // se = sqrt(n/(n−1)·Σ(w(x−mw))²)/Σw = 0.2614562582918986; t(4) interval (−0.10091894855787187, 1.3509189485578719).
    const result = weightedMean([1, 0, 1, 1, 0], [1, 2, 3, 1, 1]);
    expect(result.value).toBeCloseTo(0.625, 12);
    expect(result.ci?.[0]).toBeCloseTo(-0.10091894855787187, 7);
    expect(result.ci?.[1]).toBeCloseTo(1.3509189485578719, 7);
  });

  it("reduces to the plain mean and s/√n with equal weights", () => {
    // scipy.stats.sem([0.2, 0.5, 0.9]) = 0.2027587510099407
    const weighted = weightedMean([0.2, 0.5, 0.9], [2, 2, 2]);
    const plain = meanAggregate([0.2, 0.5, 0.9]);
    expect(weighted.value).toBeCloseTo(plain.value, 12);
    expect(weighted.ci?.[1]).toBeCloseTo(plain.ci?.[1] ?? Number.NaN, 10);
    expect(standardError([0.2, 0.5, 0.9])).toBeCloseTo(0.2027587510099407, 12);
  });

  it("rejects mismatched or negative weights", () => {
    expect(() => weightedMean([1, 2], [1])).toThrow(/same length/);
    expect(() => weightedMean([1, 2], [1, -1])).toThrow(/non-negative/);
  });
});

describe("clusteredMean (Miller 2024)", () => {
  // Worked by hand: x = [1,0,1 | 1,1 | 0] in clusters a, b, c; n = 6, mean = 4/6.
  // Residual sums per cluster: a: 1/3 − 2/3 + 1/3 = 0; b: 1/3 + 1/3 = 2/3; c: −2/3.
  // Σ_c (sum)² = 0 + 4/9 + 4/9 = 8/9.
  // Without correction: SE = √(8/9)/6 = 0.15713484026367724.
  // With C/(C−1) = 3/2: SE = √(4/3)/6 = 0.1924500897298753 (python3 math agrees).
  // Interval: mean ± t(0.975, df = C − 1 = 2)·SE, scipy t.ppf = 4.302652729749462 → (−0.16137923725011016, 1.4947125705834434).
  const values = [
    { value: 1, cluster: "a" },
    { value: 0, cluster: "a" },
    { value: 1, cluster: "a" },
    { value: 1, cluster: "b" },
    { value: 1, cluster: "b" },
    { value: 0, cluster: "c" },
  ];

  it("computes the hand-worked SE with and without the small-sample factor", () => {
    expect(clusteredSE(values, false)).toBeCloseTo(0.15713484026367724, 12);
    expect(clusteredSE(values, true)).toBeCloseTo(0.1924500897298753, 12);
  });

  it("builds a t interval on C − 1 degrees of freedom", () => {
    const result = clusteredMean(values);
    expect(result.n).toBe(6);
    expect(result.value).toBeCloseTo(4 / 6, 12);
    expect(result.ci?.[0]).toBeCloseTo(-0.16137923725011016, 6);
    expect(result.ci?.[1]).toBeCloseTo(1.4947125705834434, 6);
  });

  it("equals the unclustered sandwich when every task is its own cluster", () => {
    // One value per cluster: SE² = n/(n−1)·Σ(x−x̄)²/n² = s²/n, the CLT standard error.
    const x = [0.2, 0.5, 0.9, 0.4];
    const own = x.map((value, i) => ({ value, cluster: String(i) }));
    expect(clusteredSE(own)).toBeCloseTo(standardError(x), 12);
  });

  it("needs two clusters for an interval", () => {
    expect(
      clusteredMean([
        { value: 1, cluster: "a" },
        { value: 0, cluster: "a" },
      ]).ci,
    ).toBeNull();
  });
});
