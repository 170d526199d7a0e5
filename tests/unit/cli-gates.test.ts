import { describe, expect, it } from "vitest";
import { describeScore, gateFailures } from "@/cli/gates";

const score = { n: 20, value: 0.75, ci: [0.5313, 0.8881] };

describe("CI gates", () => {
  it("fails under a threshold on the point estimate or on the interval's lower bound", () => {
    expect(gateFailures(score, { failUnder: 0.7, alpha: 0.05 })).toEqual([]);
    expect(gateFailures(score, { failUnder: 0.8, alpha: 0.05 })).toHaveLength(1);
    expect(gateFailures(score, { failUnderLower: 0.5, alpha: 0.05 })).toEqual([]);
    expect(gateFailures(score, { failUnder: 0.7, failUnderLower: 0.6, alpha: 0.05 })[0]).toMatch(/lower bound 0.5313/);
    expect(gateFailures({ n: 0, value: null, ci: null }, { failUnder: 0, alpha: 0.05 })).toHaveLength(1);
  });

  it("fails only on a significantly worse run at alpha", () => {
    const paired = (p: number, difference: number) => ({ baseline: "b", p, difference, test: "mcnemar_exact" });
    expect(gateFailures(score, { alpha: 0.05 }, paired(0.01, -0.2))).toHaveLength(1);
    expect(gateFailures(score, { alpha: 0.05 }, paired(0.2, -0.2))).toEqual([]);
    expect(gateFailures(score, { alpha: 0.05 }, paired(0.01, 0.2))).toEqual([]);
    expect(gateFailures(score, { alpha: 0.001 }, paired(0.01, -0.2))).toEqual([]);
  });

  it("prints the score with n and its interval", () => {
    expect(describeScore(score)).toBe("0.7500 (95% CI 0.5313–0.8881, n = 20)");
  });
});
