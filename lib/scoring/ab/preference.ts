import { mulberry32 } from "@/lib/benchmarks/random";
import { quantileSorted, sortedCopy } from "../statistics/describe";
import { DEFAULT_CONFIDENCE, type Interval } from "../statistics/types";
import { eloScale, fitBradleyTerry } from "./bradley-terry";
import { type StopRule, type Verdict, verdictWithoutWinner } from "./decision";
import { cell, comparisonsPerArm, type PairwiseCounts, type WinRate, winRateMatrix } from "./pairwise";
import { poisson } from "./poisson";

export type ArmStrength = { n: number; strength: number; ci: Interval | null; elo: number; eloCi: Interval | null; rank: number };
export type PreferenceStats = { arms: ArmStrength[]; winRates: WinRate[][] };
export type PreferenceOptions = { seed?: number; rounds?: number; confidence?: number };
export const DEFAULT_PREFERENCE_ROUNDS = 1000;

/**
 * Poisson bootstrap of the comparisons: every comparison is given a Poisson(1) weight, so each cell of the
 * win/tie matrices becomes Poisson(count) — resampling with the pairwise counts alone (Hanley &
 * MacGibbon 2006), no rows needed. Seeded mulberry32, so the interval is reproducible.
 */
export function bootstrapStrengths(counts: PairwiseCounts, options: PreferenceOptions = {}): number[][] {
  const { seed = 0, rounds = DEFAULT_PREFERENCE_ROUNDS } = options;
  const random = mulberry32(seed);
  const start = fitBradleyTerry(counts);
  return Array.from({ length: rounds }, () => {
    const wins = counts.wins.map((row) => row.map((c) => poisson(c, random)));
    // Ties are symmetric: draw the upper triangle and mirror it.
    const ties = counts.ties.map((row) => row.map(() => 0));
    for (let i = 0; i < ties.length; i++) {
      for (let j = i + 1; j < ties.length; j++) {
        const t = poisson(cell(counts.ties, i, j), random);
        (ties[i] as number[])[j] = t;
        (ties[j] as number[])[i] = t;
      }
    }
    return fitBradleyTerry({ wins, ties }, { start, tolerance: 1e-8 });
  });
}

/** Chatbot Arena's rank: 1 + the number of arms whose interval lies entirely above this arm's. */
export function arenaRanks(intervals: readonly (Interval | null)[]): number[] {
  return intervals.map((mine) => 1 + intervals.filter((other) => mine !== null && other !== null && other[0] > mine[1]).length);
}

/** Strengths with percentile-bootstrap intervals, Elo-like scale, ranks and the win-rate matrix. */
export function preferenceStats(counts: PairwiseCounts, options: PreferenceOptions = {}): PreferenceStats {
  const confidence = options.confidence ?? DEFAULT_CONFIDENCE;
  const strengths = fitBradleyTerry(counts);
  const samples = bootstrapStrengths(counts, options);
  const alpha = 1 - confidence;
  const intervals = strengths.map((s, i): Interval | null => {
    if (!Number.isFinite(s)) return null;
    const sorted = sortedCopy(samples.map((row) => row[i] as number).filter(Number.isFinite));
    return sorted.length ? [quantileSorted(sorted, alpha / 2), quantileSorted(sorted, 1 - alpha / 2)] : null;
  });
  const ranks = arenaRanks(intervals);
  const n = comparisonsPerArm(counts);
  return {
    arms: strengths.map((strength, i) => {
      const ci = intervals[i] ?? null;
      return {
        n: n[i] as number,
        strength,
        ci,
        elo: eloScale(strength),
        eloCi: ci && [eloScale(ci[0]), eloScale(ci[1])],
        rank: ranks[i] as number,
      };
    }),
    winRates: winRateMatrix(counts),
  };
}

/** Preference tests: the winner is the only arm of rank 1 once every arm has min_samples_per_arm comparisons. */
export function decidePreference(stats: PreferenceStats, rule: StopRule, now = new Date()): Verdict {
  const counts = stats.arms.map((a) => a.n);
  if (Math.min(...counts) >= rule.minSamplesPerArm) {
    const first = stats.arms.flatMap((a, i) => (a.rank === 1 ? [i] : []));
    if (first.length === 1) return { status: "winner", winner: first[0] as number };
  }
  return verdictWithoutWinner(counts, rule, now);
}
