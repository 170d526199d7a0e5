import { cell, comparisons, type PairwiseCounts } from "./pairwise";

export type BradleyTerryOptions = { priorTies?: number; start?: readonly number[]; tolerance?: number; maxIterations?: number };

/**
 * Virtual tie added to every pair that met, so strengths stay finite when an arm won or lost every
 * comparison (the maximum-likelihood strength would be ±∞); with real counts it moves nothing visible.
 */
export const DEFAULT_PRIOR_TIES = 0.01;

/**
 * Bradley–Terry strengths by maximum likelihood: P(i beats j) = e^βi / (e^βi + e^βj), a tie counting as
 * half a win for each side. Zermelo's / Hunter's (2004) MM iteration p_i ← W_i / Σ_j N_ij/(p_i + p_j)
 * climbs the likelihood at every step. Returns log-strengths β centred on their mean; NaN for arms that
 * were never compared.
 */
export function fitBradleyTerry(counts: PairwiseCounts, options: BradleyTerryOptions = {}): number[] {
  const { priorTies = DEFAULT_PRIOR_TIES, tolerance = 1e-10, maxIterations = 5000 } = options;
  const k = counts.wins.length;
  const n = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 0 : comparisons(counts, i, j))));
  const met = (i: number, j: number) => cell(n, i, j) > 0;
  const total = (i: number, j: number) => cell(n, i, j) + (met(i, j) ? priorTies : 0);
  const wins = Array.from({ length: k }, (_, i) =>
    counts.wins.reduce((s, _row, j) => (met(i, j) ? s + cell(counts.wins, i, j) + (cell(counts.ties, i, j) + priorTies) / 2 : s), 0),
  );
  const active = wins.map((_, i) => n.some((_row, j) => met(i, j)));
  let p = options.start ? options.start.map((b) => (Number.isFinite(b) ? Math.exp(b) : 1)) : new Array<number>(k).fill(1);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const next = p.map((pi, i) => {
      if (!active[i]) return pi;
      const denominator = p.reduce((s, pj, j) => (met(i, j) ? s + total(i, j) / (pi + pj) : s), 0);
      return (wins[i] as number) / denominator;
    });
    const logs = centredLogs(next, active);
    const change = Math.max(...logs.map((b, i) => (active[i] ? Math.abs(b - Math.log(p[i] as number)) : 0)));
    p = logs.map((b) => Math.exp(b));
    if (change < tolerance) break;
  }
  return centredLogs(p, active).map((b, i) => (active[i] ? b : Number.NaN));
}

function centredLogs(p: readonly number[], active: readonly boolean[]): number[] {
  const logs = p.map((x) => Math.log(x));
  const activeLogs = logs.filter((_, i) => active[i]);
  const centre = activeLogs.length ? activeLogs.reduce((s, b) => s + b, 0) / activeLogs.length : 0;
  return logs.map((b) => b - centre);
}

/** Chatbot Arena's display scale: 1000 + 400·log10(e^β), so 400 points mean 10:1 odds. */
export function eloScale(beta: number): number {
  return 1000 + (400 * beta) / Math.LN10;
}
