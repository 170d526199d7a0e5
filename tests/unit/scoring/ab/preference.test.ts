import { describe, expect, it } from "vitest";
import { mulberry32 } from "@/lib/benchmarks/random";
import { eloScale, fitBradleyTerry } from "@/lib/scoring/ab/bradley-terry";
import { comparisonsPerArm, outcomeDelta, pairwiseFromRows, winRateMatrix } from "@/lib/scoring/ab/pairwise";
import { poisson } from "@/lib/scoring/ab/poisson";
import { arenaRanks, decidePreference, preferenceStats } from "@/lib/scoring/ab/preference";

// wins[i][j] = times i was preferred over j; 2 ties between 0–1 and between 1–2.
const THREE = {
  wins: [
    [0, 7, 9],
    [3, 0, 6],
    [1, 4, 0],
  ],
  ties: [
    [0, 2, 0],
    [2, 0, 2],
    [0, 2, 0],
  ],
};

describe("fitBradleyTerry", () => {
  it("two arms: the MLE odds are the win ratio, β₀ − β₁ = log(30/10)", () => {
    const beta = fitBradleyTerry(
      {
        wins: [
          [0, 30],
          [10, 0],
        ],
        ties: [
          [0, 0],
          [0, 0],
        ],
      },
      { priorTies: 0 },
    );
    expect((beta[0] as number) - (beta[1] as number)).toBeCloseTo(Math.log(3), 9);
    expect((beta[0] as number) + (beta[1] as number)).toBeCloseTo(0, 12);
  });

  it("three arms with ties counted half match scipy.optimize on the likelihood (reference_values.py)", () => {
    // BFGS on −Σ (w_ij + t_ij/2) log σ(β_i − β_j), centred: [0.8495189565491006, −0.1293539939595364, −0.7201649625895641]
    const beta = fitBradleyTerry(THREE, { priorTies: 0 });
    expect(beta[0]).toBeCloseTo(0.8495189565491006, 6);
    expect(beta[1]).toBeCloseTo(-0.1293539939595364, 6);
    expect(beta[2]).toBeCloseTo(-0.7201649625895641, 6);
    // The default virtual tie (0.01 per pair) moves β by 0.001 even at these small counts; Elo 400 points = 10:1 odds.
    expect(Math.abs((fitBradleyTerry(THREE)[0] as number) - 0.8495189565491006)).toBeLessThan(0.002);
    expect(eloScale(Math.LN10)).toBeCloseTo(1400, 9);
    expect(eloScale(beta[0] as number)).toBeCloseTo(1147.576558040593, 4);
  });

  it("stays finite when an arm lost everything, and leaves never-compared arms out", () => {
    const beta = fitBradleyTerry({
      wins: [
        [0, 5, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
      ties: [
        [0, 0, 0],
        [0, 0, 0],
        [0, 0, 0],
      ],
    });
    expect(beta[0]).toBeGreaterThan(2);
    expect(Number.isFinite(beta[1])).toBe(true);
    expect(beta[2]).toBeNaN();
  });
});

describe("pairwise counts", () => {
  it("build from stored rows, count comparisons and win rates with ties as half", () => {
    const counts = pairwiseFromRows(3, [
      { a: 0, b: 1, winsA: 7, winsB: 3, ties: 2 },
      { a: 0, b: 2, winsA: 9, winsB: 1, ties: 0 },
      { a: 1, b: 2, winsA: 6, winsB: 4, ties: 2 },
    ]);
    expect(counts).toEqual(THREE);
    expect(comparisonsPerArm(counts)).toEqual([22, 24, 22]);
    const rates = winRateMatrix(counts);
    expect(rates[0]?.[1]).toEqual({ n: 12, rate: 8 / 12 });
    expect(rates[1]?.[0]).toEqual({ n: 12, rate: 4 / 12 });
    expect(rates[1]?.[1]?.rate).toBeNaN();
  });

  it("a changed answer moves one count, it does not add one (latest wins)", () => {
    expect(outcomeDelta(null, "a")).toEqual({ winsA: 1, winsB: 0, ties: 0 });
    expect(outcomeDelta("a", "tie")).toEqual({ winsA: -1, winsB: 0, ties: 1 });
  });
});

describe("poisson", () => {
  it.each([3, 200])("has mean and variance λ = %i", (lambda) => {
    const random = mulberry32(7);
    const draws = Array.from({ length: 20000 }, () => poisson(lambda, random));
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (draws.length - 1);
    // Standard errors: √(λ/20000) for the mean, ≈ λ·√(2/20000) for the variance.
    expect(Math.abs(mean - lambda)).toBeLessThan(4 * Math.sqrt(lambda / 20000));
    expect(Math.abs(variance - lambda)).toBeLessThan(4 * lambda * Math.sqrt(2 / 20000) + 0.1);
    expect(draws.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
  });
});

describe("preferenceStats", () => {
  it("bootstrap intervals match the Fisher-information standard error and are reproducible", () => {
    // Two arms, 240 wins to 160 in 400 comparisons: var(β₀ − β₁) = 1/(N·p(1−p)) = 1/96, centred β₀ = (β₀ − β₁)/2,
    // so a 95% half-width of 1.96 · √(1/96) / 2 = 0.10002.
    const counts = {
      wins: [
        [0, 240],
        [160, 0],
      ],
      ties: [
        [0, 0],
        [0, 0],
      ],
    };
    const stats = preferenceStats(counts, { seed: 1 });
    const [lo, hi] = (stats.arms[0]?.ci ?? [Number.NaN, Number.NaN]) as [number, number];
    expect((hi - lo) / 2).toBeGreaterThan(0.09);
    expect((hi - lo) / 2).toBeLessThan(0.11);
    expect(lo).toBeLessThan(stats.arms[0]?.strength as number);
    expect(preferenceStats(counts, { seed: 1 })).toEqual(stats);
    expect(stats.arms[0]?.eloCi?.[0]).toBeCloseTo(eloScale(lo), 9);
    expect(stats.arms.map((a) => a.rank)).toEqual([1, 2]);
  });

  it("ranks like Chatbot Arena: 1 + arms whose interval lies entirely above", () => {
    expect(arenaRanks([[0.5, 0.9], [0.1, 0.6], [-1, 0.05], null])).toEqual([1, 1, 3, 1]);
  });

  it("declares the only rank-1 arm the winner once every arm has min_samples_per_arm comparisons", () => {
    const clear = preferenceStats(
      {
        wins: [
          [0, 150],
          [50, 0],
        ],
        ties: [
          [0, 0],
          [0, 0],
        ],
      },
      { rounds: 300 },
    );
    expect(decidePreference(clear, { minSamplesPerArm: 100 })).toEqual({ status: "winner", winner: 0 });
    expect(decidePreference(clear, { minSamplesPerArm: 300 })).toEqual({ status: "running", reason: "min_samples" });
    const close = preferenceStats(
      {
        wins: [
          [0, 52],
          [48, 0],
        ],
        ties: [
          [0, 10],
          [10, 0],
        ],
      },
      { rounds: 300 },
    );
    expect(decidePreference(close, { minSamplesPerArm: 100 })).toEqual({ status: "running", reason: "no_winner_yet" });
    expect(decidePreference(close, { minSamplesPerArm: 100, maxSamplesPerArm: 110 })).toMatchObject({ reason: "max_samples" });
  });
});
