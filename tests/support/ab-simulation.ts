import { mulberry32 } from "@/lib/benchmarks/random";
import { decideMetric } from "@/lib/scoring/ab/decision";
import { armDifference } from "@/lib/scoring/ab/difference";
import { type ArmMoments, unclustered } from "@/lib/scoring/ab/moments";

export type SimulationSetup = {
  experiments: number;
  rates: [number, number];
  lookEvery: number;
  maxPerArm: number;
  minSamplesPerArm: number;
  seed: number;
};
export type SimulationResult = { sequential: [number, number]; fixedEveryLook: [number, number] };

const boolArm = (successes: number, n: number): ArmMoments => unclustered({ n, sum: successes, sumSq: successes });

/**
 * Seeded two-arm bool experiments looked at every `lookEvery` feedbacks per arm. Counts, per arm, the
 * experiments in which the sequential rule (decideMetric) and a fixed-horizon Newcombe interval applied
 * at every look first declared that arm the winner. Only running sums are kept, as in production.
 */
export function simulateExperiments(setup: SimulationSetup): SimulationResult {
  const random = mulberry32(setup.seed);
  const result: SimulationResult = { sequential: [0, 0], fixedEveryLook: [0, 0] };
  const rule = { minSamplesPerArm: setup.minSamplesPerArm, maxSamplesPerArm: setup.maxPerArm };
  for (let e = 0; e < setup.experiments; e++) {
    const successes = [0, 0];
    let sequentialDone = false;
    let fixedDone = false;
    for (let n = setup.lookEvery; n <= setup.maxPerArm && !(sequentialDone && fixedDone); n += setup.lookEvery) {
      for (let arm = 0; arm < 2; arm++) {
        for (let i = 0; i < setup.lookEvery; i++) if (random() < setup.rates[arm as 0 | 1]) successes[arm] = (successes[arm] as number) + 1;
      }
      const a = boolArm(successes[0] as number, n);
      const b = boolArm(successes[1] as number, n);
      if (!sequentialDone) {
        const verdict = decideMetric([a, b], "higher_is_better", rule);
        if (verdict.status === "winner") result.sequential[verdict.winner as 0 | 1]++;
        sequentialDone = verdict.status !== "running";
      }
      if (!fixedDone && n >= setup.minSamplesPerArm) {
        const ci = armDifference(b, a, "bool").ci;
        if (ci && (ci[0] > 0 || ci[1] < 0)) {
          result.fixedEveryLook[ci[0] > 0 ? 1 : 0]++;
          fixedDone = true;
        }
      }
    }
  }
  return result;
}
