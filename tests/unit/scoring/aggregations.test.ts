import { describe, expect, it } from "vitest";
import { type ResultForSummary, summarize } from "@/lib/jobs/summarize";
import { aggregations, defaultAggregation } from "@/lib/scoring/aggregations";
import { ScorerSpec } from "@/lib/validation/runs";

// References from an independent python3 script (numpy 2, scipy 1.17): Wilson by its formula with
// z = scipy.stats.norm.ppf(0.975); means with scipy.stats.sem and t.ppf(0.975, n − 1); the clustered SE
// as √(C/(C−1) · Σ_c (Σ_{i∈c}(x_i − x̄))²)/n with t on C − 1 df; the weighted SE as
// √(n/(n−1) · Σ w²(x − x̄w)²)/Σw with t on n − 1 df; the median bootstrap with a python mulberry32
// (seed 11, B = 2000, indices int(u·n)) and numpy.quantile.

function result(subset: string, f1: number, pass: boolean, weight?: number): ResultForSummary {
  return {
    position: 0,
    sample: 0,
    subset,
    status: "ok",
    scores: { exact_match: { value: pass ? 1 : 0, pass }, token_f1: { value: f1 } },
    passed: pass,
    score: Number(pass),
    latencyMs: 100,
    tokensIn: 1,
    tokensOut: 1,
    cost: 0,
    attempts: 1,
    error: null,
    charsIn: 10,
    charsOut: 5,
    weights: weight === undefined ? {} : { w: weight },
  };
}

const results = [
  result("a", 0.2, true, 1),
  result("a", 0.4, false, 2),
  result("a", 0.9, true, 1),
  result("b", 0.6, true, 3),
  result("b", 0.8, true, 1),
  result("b", 1.0, false, 2),
  result("b", 0.5, true), // no weight: left out of the weighted mean only
];
const config = {
  seed: 11,
  scorers: [
    ScorerSpec.parse({ type: "exact_match", aggregations: ["accuracy", "categorical"] }),
    ScorerSpec.parse({ type: "token_f1", aggregations: ["mean", "weighted_mean", "median"], weight_field: "w" }),
  ],
};

// jStat's t quantiles agree with scipy to about 1e-9.
const expectInterval = (ci: [number, number] | null | undefined, lo: number, hi: number) => {
  expect(ci?.[0]).toBeCloseTo(lo, 8);
  expect(ci?.[1]).toBeCloseTo(hi, 8);
};

describe("scorer aggregations in the run summary", () => {
  const summary = summarize(results, 7, config);
  const em = summary.scorers.exact_match?.aggregations;
  const f1 = summary.scorers.token_f1?.aggregations;

  it("accuracy: 5 of 7 with a Wilson interval, per subset, and clustered by subset (clipped to [0, 1])", () => {
    expect(em?.accuracy?.overall).toMatchObject({ n: 7, value: 5 / 7, method: "wilson" });
    expectInterval(em?.accuracy?.overall.ci, 0.35893445183261935, 0.9177810759959433);
    expect(em?.accuracy?.by_subset.map((s) => [s.subset, s.aggregate.n, s.aggregate.value])).toEqual([
      ["a", 3, 2 / 3],
      ["b", 4, 3 / 4],
    ]);
    expectInterval(em?.accuracy?.by_subset[0]?.aggregate.ci, 0.20765960080204765, 0.9385080552796037);
    // Two clusters: t on 1 df gives (0.19567, 1.23291) before clipping.
    expectInterval(em?.accuracy?.clustered?.ci, 0.19566511280919618, 1);
    // The fields reports already read are the same accuracy.
    expect(summary.scorers.exact_match?.overall).toEqual(em?.accuracy?.overall);
  });

  it("categorical: a count and a Wilson interval per category", () => {
    const [one, zero] = em?.categorical?.overall.categories ?? [];
    expect(em?.categorical?.overall.n).toBe(7);
    expect(one).toMatchObject({ category: "1", count: 5, proportion: 5 / 7 });
    expect(zero).toMatchObject({ category: "0", count: 2, proportion: 2 / 7 });
    expectInterval(zero?.ci ?? null, 0.08221892400405678, 0.6410655481673808);
    expect(em?.categorical?.by_subset.map((s) => s.subset)).toEqual(["a", "b"]);
  });

  it("mean: a t interval, and the clustered one across subsets", () => {
    expect(f1?.mean?.overall).toMatchObject({ n: 7, method: "t" });
    expect(f1?.mean?.overall.value).toBeCloseTo(0.6285714285714287, 12);
    expectInterval(f1?.mean?.overall.ci, 0.3631214414736169, 0.8940214156692404);
    expectInterval(f1?.mean?.clustered?.ci, -0.7717041954151699, 2.028847052558027);
  });

  it("weighted mean: weights from task metadata, results without one left out and counted", () => {
    expect(f1?.weighted_mean?.overall).toMatchObject({ n: 6, method: "weighted-t" });
    expect(f1?.weighted_mean?.unweighted).toBe(1);
    expect(f1?.weighted_mean?.overall.value).toBeCloseTo(0.65, 12);
    expectInterval(f1?.weighted_mean?.overall.ci, 0.36145290459153395, 0.938547095408466);
    const a = f1?.weighted_mean?.by_subset.find((s) => s.subset === "a")?.aggregate;
    expect(a?.value).toBeCloseTo(0.475, 12);
    expectInterval(a?.ci, -0.22055162806774586, 1.170551628067746);
  });

  it("median: a percentile bootstrap seeded with the run's seed", () => {
    expect(f1?.median?.overall).toMatchObject({ n: 7, value: 0.6, method: "bootstrap-percentile" });
    expectInterval(f1?.median?.overall.ci, 0.4, 0.9);
  });

  it("defaults to accuracy for pass/fail, mean for numbers and categorical for labels", () => {
    const plain = summarize(results, 7);
    expect(Object.keys(plain.scorers.exact_match?.aggregations ?? {})).toEqual(["accuracy"]);
    expect(Object.keys(plain.scorers.token_f1?.aggregations ?? {})).toEqual(["mean"]);
    const labels = [
      { subset: null, pass: null, value: "refused" },
      { subset: null, pass: null, value: "answered" },
      { subset: null, pass: null, value: "answered" },
    ];
    expect(defaultAggregation(labels)).toBe("categorical");
    expect(aggregations(labels, undefined).categorical?.overall.categories.map((c) => [c.category, c.count])).toEqual([
      ["answered", 2],
      ["refused", 1],
    ]);
  });

  it("requires weight_field for weighted_mean, naming the field", () => {
    const parsed = ScorerSpec.safeParse({ type: "numeric", aggregations: ["weighted_mean"] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["weight_field"], message: expect.stringMatching(/weight_field/) });
    expect(ScorerSpec.safeParse({ type: "numeric", aggregations: ["mode"] }).error?.issues[0]?.path).toEqual(["aggregations", 0]);
  });
});
