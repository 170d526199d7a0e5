import { describe, expect, it } from "vitest";
import { csHalfWidth, csRho, sequentialDifference } from "@/lib/scoring/ab/confidence-sequence";
import { decideMetric, pairwiseAlpha, plannedN } from "@/lib/scoring/ab/decision";
import { armDifference } from "@/lib/scoring/ab/difference";
import { unclustered } from "@/lib/scoring/ab/moments";
import { sampleRatioMismatch } from "@/lib/scoring/ab/srm";

const boolCounts = (k: number, n: number) => unclustered({ n, sum: k, sumSq: k });

describe("asymptotic confidence sequence (Waudby-Smith et al. 2023)", () => {
  // reference_values.py cs_half(): 560/1000 vs 500/1000, variance Σ p(1−p)/(n−1), N = 2000, α = 0.05
  it("matches the paper's formula computed in python", () => {
    const d = sequentialDifference(boolCounts(560, 1000), boolCounts(500, 1000));
    expect(d.n).toBe(2000);
    expect(d.value).toBeCloseTo(0.06, 12);
    expect((d.ci?.[1] as number) - d.value).toBeCloseTo(0.06963273540299057, 10);
    const tuned = sequentialDifference(boolCounts(560, 1000), boolCounts(500, 1000), { plannedN: 2000 });
    expect((tuned.ci?.[1] as number) - tuned.value).toBeCloseTo(0.06765840295266791, 10);
  });

  it("is wider than the fixed-horizon interval, and tightest near the planned N*", () => {
    const fixed = armDifference(boolCounts(560, 1000), boolCounts(500, 1000), "bool");
    const sequence = sequentialDifference(boolCounts(560, 1000), boolCounts(500, 1000));
    expect((fixed.ci?.[1] as number) - (fixed.ci?.[0] as number)).toBeLessThan((sequence.ci?.[1] as number) - (sequence.ci?.[0] as number));
    const widthAt = (nStar: number) => csHalfWidth(0.0005, 2000, 0.05, nStar);
    expect(widthAt(2000)).toBeLessThan(widthAt(500));
    expect(widthAt(2000)).toBeLessThan(widthAt(20000));
  });

  it("documents ρ for the default N* = 5000: √((−2 log .05 + log(1 − 2 log .05)) / 5000)", () => {
    // python: math.sqrt((-2*math.log(.05) + math.log(-2*math.log(.05) + 1)) / 5000) = 0.039838...
    expect(csRho(0.05, 5000)).toBeCloseTo(Math.sqrt((5.991464547107979 + Math.log(6.991464547107979)) / 5000), 12);
    expect(plannedN(null)).toBe(5000);
    expect(plannedN(800)).toBe(1600);
  });
});

describe("decideMetric", () => {
  const rule = { minSamplesPerArm: 100 };

  it("waits for min_samples_per_arm in every arm", () => {
    expect(decideMetric([boolCounts(90, 99), boolCounts(10, 99)], "higher_is_better", rule)).toEqual({
      status: "running",
      reason: "min_samples",
    });
  });

  it("declares the arm whose sequences exclude 0 on the good side against every other arm", () => {
    const arms = [boolCounts(500, 1000), boolCounts(600, 1000)];
    expect(decideMetric(arms, "higher_is_better", rule)).toEqual({ status: "winner", winner: 1 });
    expect(decideMetric(arms, "lower_is_better", rule)).toEqual({ status: "winner", winner: 0 });
  });

  it("needs a win against every other arm, not just the control", () => {
    const arms = [boolCounts(500, 1000), boolCounts(600, 1000), boolCounts(590, 1000)];
    expect(decideMetric(arms, "higher_is_better", rule)).toEqual({ status: "running", reason: "no_winner_yet" });
    expect(pairwiseAlpha(3)).toBeCloseTo(0.025, 12);
  });

  it("ends with no significant difference at max samples or the end time", () => {
    const arms = [boolCounts(500, 1000), boolCounts(505, 1000)];
    expect(decideMetric(arms, "higher_is_better", { ...rule, maxSamplesPerArm: 1000 })).toEqual({
      status: "no_significant_difference",
      reason: "max_samples",
    });
    const endsAt = new Date("2026-01-01T00:00:00Z");
    expect(decideMetric(arms, "higher_is_better", { ...rule, endsAt }, new Date("2026-01-02T00:00:00Z"))).toMatchObject({
      reason: "ends_at",
    });
    expect(decideMetric(arms, "higher_is_better", { ...rule, endsAt }, new Date("2025-12-31T00:00:00Z")).status).toBe("running");
  });
});

describe("sampleRatioMismatch", () => {
  it.each([
    // scipy.stats.chisquare (reference_values.py)
    [[510, 490], [0.5, 0.5], 0.4, 0.5270892568655381],
    [[1150, 1000, 850], [1, 1, 1], 45.0, 1.69189792261513e-10],
    [[300, 700], [0.25, 0.75], 13.333333333333334, 0.0002607296328553165],
  ])("%j against %j", (counts, shares, chiSquare, p) => {
    const srm = sampleRatioMismatch(counts, shares);
    expect(srm.chiSquare).toBeCloseTo(chiSquare, 10);
    expect(srm.p / p).toBeCloseTo(1, 4);
    expect(srm.warning).toBe(p < 0.001);
  });

  it("has nothing to say without traffic", () => {
    expect(sampleRatioMismatch([0, 0], [0.5, 0.5])).toMatchObject({ p: 1, warning: false });
  });
});
