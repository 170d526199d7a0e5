import { describe, expect, it } from "vitest";
import { simulateExperiments } from "@/tests/support/ab-simulation";

const LOOKS = { lookEvery: 50, maxPerArm: 5000, minSamplesPerArm: 100 };

describe("the sequential rule is honest under peeking", () => {
  it("A/A: 1,000 seeded experiments looked at every 50 feedbacks up to 5,000 per arm", { timeout: 30_000 }, () => {
    const result = simulateExperiments({ ...LOOKS, experiments: 1000, rates: [0.5, 0.5], seed: 20261203 });
    const sequentialShare = (result.sequential[0] + result.sequential[1]) / 1000;
    const fixedShare = (result.fixedEveryLook[0] + result.fixedEveryLook[1]) / 1000;
    console.log(`A/A false winners: sequential ${sequentialShare}, fixed-horizon at every look ${fixedShare}`);
    expect(sequentialShare).toBeLessThanOrEqual(0.05);
    // Peeking at a fixed-horizon interval 99 times inflates the false-winner rate far past its nominal 5%.
    expect(fixedShare).toBeGreaterThan(0.05);
  });

  it("power: a real 5-point difference in a bool rate (50% vs 55%) finds the right winner", { timeout: 30_000 }, () => {
    const result = simulateExperiments({ ...LOOKS, experiments: 200, rates: [0.5, 0.55], seed: 7 });
    console.log(`50% vs 55%: arm B won ${result.sequential[1]}/200, arm A ${result.sequential[0]}/200`);
    expect(result.sequential[1]).toBeGreaterThanOrEqual(180);
    expect(result.sequential[0]).toBe(0);
  });
});
