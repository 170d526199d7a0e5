import { describe, expect, it } from "vitest";
import { armEstimate, designEffect, varianceOfMean } from "@/lib/scoring/ab/arm-estimate";
import { armDifference, newcombeDifference, welchDifference } from "@/lib/scoring/ab/difference";
import { applyValue, armMomentsOf, EMPTY_ARM, EMPTY_CLUSTER, unclustered } from "@/lib/scoring/ab/moments";
import { clusteredMean } from "@/lib/scoring/statistics/clustered";
import { meanAggregate } from "@/lib/scoring/statistics/mean";

const values = (xs: number[], users?: string[]) => xs.map((value, i) => ({ value, user: users?.[i] ?? null }));
const boolCounts = (k: number, n: number) => unclustered({ n, sum: k, sumSq: k });

describe("running sums", () => {
  it("replacing a value (latest wins) leaves n unchanged and matches the sums of the final values", () => {
    let { arm, cluster } = applyValue(EMPTY_ARM, EMPTY_CLUSTER, null, 1);
    ({ arm, cluster } = applyValue(arm, cluster, null, 0));
    ({ arm, cluster } = applyValue(arm, cluster, 0, 1)); // the user changed their mind on the second interaction
    const other = applyValue(arm, EMPTY_CLUSTER, null, 0);
    expect(other.arm).toEqual(armMomentsOf(values([1, 1, 0], ["u", "u", "v"])));
    expect(other.arm).toMatchObject({ n: 3, sum: 2, clusters: 2 });
  });

  it("with one value per user the cluster-robust variance is s²/n", () => {
    const xs = [0.2, 0.5, 0.9, 0.4, 0.7, 1.0, 0.3, 0.6, 0.8, 0.1];
    // scipy.stats.sem(x) = 0.0957427107756338 (tests/unit/scoring/statistics-means.test.ts)
    expect(Math.sqrt(varianceOfMean(armMomentsOf(values(xs))))).toBeCloseTo(0.0957427107756338, 12);
    const estimate = armEstimate(armMomentsOf(values(xs)), "scalar");
    expect(estimate.ci?.[0]).toBeCloseTo(meanAggregate(xs).ci?.[0] as number, 10);
    expect(estimate.method).toBe("t");
  });
});

describe("armEstimate", () => {
  it("bool without repeated users is Wilson on n", () => {
    // python3 math (tests/unit/scoring/statistics-proportions.test.ts): Wilson 50/100 = (0.4038315303659956, 0.5961684696340044)
    const estimate = armEstimate(boolCounts(50, 100), "bool");
    expect(estimate).toMatchObject({ n: 100, value: 0.5, method: "wilson", effectiveN: 100 });
    expect(estimate.ci?.[0]).toBeCloseTo(0.4038315303659956, 9);
    expect(estimate.ci?.[1]).toBeCloseTo(0.5961684696340044, 9);
  });

  it("bool with repeated users uses the effective sample size (reference_values.py: numpy CR1)", () => {
    // mean 0.5833333333333334, CR1 var 0.07016782407407406, s²/n 0.022095959595959596, deff 3.1755952380952372,
    // n_eff 3.7788191190253055, Wilson(p·n_eff, n_eff) = (0.18877413220002076, 0.8938741900116238)
    const users = ["u1", "u1", "u1", "u1", "u2", "u2", "u2", "u3", "u3", "u3", "u4", "u5"];
    const arm = armMomentsOf(values([1, 1, 1, 1, 0, 0, 0, 1, 1, 1, 0, 0], users));
    expect(varianceOfMean(arm)).toBeCloseTo(0.07016782407407406, 12);
    expect(designEffect(arm)).toBeCloseTo(3.1755952380952372, 10);
    const estimate = armEstimate(arm, "bool");
    expect(estimate.method).toBe("wilson-clustered");
    expect(estimate.effectiveN).toBeCloseTo(3.7788191190253055, 10);
    expect(estimate.ci?.[0]).toBeCloseTo(0.18877413220002076, 9);
    expect(estimate.ci?.[1]).toBeCloseTo(0.8938741900116238, 9);
  });

  it("scalar with repeated users is the clustered t interval (reference_values.py; same as lib's clusteredMean)", () => {
    // numpy CR1: mean 3.5, se 0.3791437722025775, t(C−1 = 4) interval (2.4473281295019262, 4.552671870498074)
    const xs = [4, 5, 2, 3, 5, 5, 1, 2, 4, 4];
    const users = ["a", "a", "b", "b", "c", "c", "c", "d", "e", "e"];
    const estimate = armEstimate(armMomentsOf(values(xs, users)), "scalar");
    expect(estimate).toMatchObject({ n: 10, value: 3.5, method: "clustered-t", df: 4 });
    expect(estimate.se).toBeCloseTo(0.3791437722025775, 12);
    expect(estimate.ci?.[0]).toBeCloseTo(2.4473281295019262, 7);
    expect(estimate.ci?.[1]).toBeCloseTo(4.552671870498074, 7);
    const reference = clusteredMean(xs.map((value, i) => ({ value, cluster: users[i] as string })));
    expect(estimate.ci?.[1]).toBeCloseTo(reference.ci?.[1] as number, 10);
  });

  it("has no interval without data", () => {
    expect(armEstimate(EMPTY_ARM, "bool").ci).toBeNull();
    expect(armEstimate(armMomentsOf(values([3])), "scalar").ci).toBeNull();
  });
});

describe("differences vs control", () => {
  it.each([
    // Newcombe (1998), Stat Med 17:873, Table II method 10: 56/70 − 48/80 → (0.0524, 0.3339); 9/10 − 3/10 → (0.1705, 0.8090).
    // reference_values.py to full precision: (0.052431472402365065, 0.333872654036906), (0.17052272393450302, 0.8090179735354881)
    [56, 70, 48, 80, 0.052431472402365065, 0.333872654036906],
    [9, 10, 3, 10, 0.17052272393450302, 0.8090179735354881],
  ])("Newcombe %i/%i − %i/%i", (kt, nt, kc, nc, lo, hi) => {
    const d = armDifference(boolCounts(kt, nt), boolCounts(kc, nc), "bool");
    expect(d.method).toBe("newcombe");
    expect(d.value).toBeCloseTo(kt / nt - kc / nc, 12);
    expect(d.ci?.[0]).toBeCloseTo(lo, 9);
    expect(d.ci?.[1]).toBeCloseTo(hi, 9);
  });

  it("Welch matches scipy.stats.ttest_ind(x, y, equal_var=False).confidence_interval()", () => {
    // scipy 1.17: difference 1.3, (0.2664689974136245, 2.3335310025863754), df 14.211278367845951
    const x = armMomentsOf(values([4, 5, 3, 5, 4, 2, 5, 4]));
    const y = armMomentsOf(values([3, 2, 4, 3, 1, 3, 2, 4, 3, 2]));
    const d = armDifference(x, y, "scalar");
    expect(d.method).toBe("welch");
    expect(d.value).toBeCloseTo(1.3, 12);
    expect(d.ci?.[0]).toBeCloseTo(0.2664689974136245, 7);
    expect(d.ci?.[1]).toBeCloseTo(2.3335310025863754, 7);
  });

  it("a difference without intervals on both sides has none", () => {
    const empty = armEstimate(EMPTY_ARM, "bool");
    expect(newcombeDifference(armEstimate(boolCounts(5, 10), "bool"), empty).ci).toBeNull();
    expect(welchDifference(armEstimate(armMomentsOf(values([1, 2])), "scalar"), armEstimate(EMPTY_ARM, "scalar")).ci).toBeNull();
  });
});
