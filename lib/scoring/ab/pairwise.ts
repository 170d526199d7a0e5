/**
 * Preference counts between arms: wins[i][j] = times arm i was preferred over arm j, ties[i][j] (= ties[j][i])
 * = ties and "both bad" answers. Stored as one running row per unordered pair; dense matrices for the maths.
 */
export type PairwiseCounts = { wins: number[][]; ties: number[][] };
/** Outcome of one comparison of arms a and b (a < b as stored). */
export type PreferenceOutcome = "a" | "b" | "tie";
export type PairRow = { a: number; b: number; winsA: number; winsB: number; ties: number };

export const cell = (m: readonly (readonly number[])[], i: number, j: number) => (m[i] as readonly number[])[j] as number;
const at = cell;

export function emptyPairwise(arms: number): PairwiseCounts {
  const zeros = () => Array.from({ length: arms }, () => new Array<number>(arms).fill(0));
  return { wins: zeros(), ties: zeros() };
}

/** The change to a pair row when `next` is recorded, replacing the same user's `previous` outcome (latest wins). */
export function outcomeDelta(previous: PreferenceOutcome | null, next: PreferenceOutcome): Omit<PairRow, "a" | "b"> {
  const delta = { winsA: 0, winsB: 0, ties: 0 };
  const field = { a: "winsA", b: "winsB", tie: "ties" } as const;
  if (previous) delta[field[previous]] -= 1;
  delta[field[next]] += 1;
  return delta;
}

export function pairwiseFromRows(arms: number, rows: readonly PairRow[]): PairwiseCounts {
  const counts = emptyPairwise(arms);
  const add = (m: number[][], i: number, j: number, v: number) => {
    (m[i] as number[])[j] = at(m, i, j) + v;
  };
  for (const { a, b, winsA, winsB, ties } of rows) {
    add(counts.wins, a, b, winsA);
    add(counts.wins, b, a, winsB);
    add(counts.ties, a, b, ties);
    add(counts.ties, b, a, ties);
  }
  return counts;
}

/** Comparisons between i and j (both orders and ties). */
export function comparisons(c: PairwiseCounts, i: number, j: number): number {
  return at(c.wins, i, j) + at(c.wins, j, i) + at(c.ties, i, j);
}

/** Each arm's number of comparisons against any other arm. */
export function comparisonsPerArm(c: PairwiseCounts): number[] {
  return c.wins.map((_, i) => c.wins.reduce((s, _row, j) => s + (i === j ? 0 : comparisons(c, i, j)), 0));
}

export type WinRate = { rate: number; n: number };

/** rate[i][j] = share of i-vs-j comparisons that i won, ties counting half; NaN where they never met. */
export function winRateMatrix(c: PairwiseCounts): WinRate[][] {
  return c.wins.map((_, i) =>
    c.wins.map((_row, j) => {
      const n = i === j ? 0 : comparisons(c, i, j);
      return { n, rate: n === 0 ? Number.NaN : (at(c.wins, i, j) + at(c.ties, i, j) / 2) / n };
    }),
  );
}
