import type { Interval } from "../statistics/types";
import { meanOf, varianceOfMean } from "./arm-estimate";
import type { ArmMoments } from "./moments";

/**
 * Asymptotic confidence sequences (Waudby-Smith, Arnold, Wu, Wang & Ramdas 2023, "Time-uniform central
 * limit theory and asymptotic confidence sequences", arXiv:2103.06476), as GrowthBook's sequential mode.
 * For an estimate built from N observations whose per-observation variance is σ²,
 *   half-width = σ · √( 2(Nρ² + 1) / (N²ρ²) · log( √(Nρ² + 1) / α ) ),
 * valid simultaneously at every N, so the page can be looked at any time. The tuning parameter ρ only
 * moves where the sequence is tightest: ρ = √((−2 log α + log(−2 log α + 1)) / N*) makes it tightest at
 * N* observations (paper eq. for the optimal ρ); far from N* it is a little wider but stays valid.
 */
export const DEFAULT_PLANNED_N = 5000; // GrowthBook's default tuning parameter N*

export function csRho(alpha: number, plannedN: number): number {
  const l = -2 * Math.log(alpha);
  return Math.sqrt((l + Math.log(l + 1)) / plannedN);
}

/** Half-width for an estimate of variance `variance` resting on N observations (σ² = variance · N). */
export function csHalfWidth(variance: number, n: number, alpha: number, plannedN = DEFAULT_PLANNED_N): number {
  if (!(n > 0) || !Number.isFinite(variance)) return Number.NaN;
  const rho2 = csRho(alpha, plannedN) ** 2;
  const sigma = Math.sqrt(variance * n);
  return sigma * Math.sqrt(((2 * (n * rho2 + 1)) / (n * n * rho2)) * Math.log(Math.sqrt(n * rho2 + 1) / alpha));
}

export type SequenceOptions = { alpha?: number; plannedN?: number };
export type SequentialDifference = { value: number; ci: Interval | null; n: number };

/**
 * Confidence sequence for mean(treatment) − mean(control); N is the pair's total number of feedbacks
 * and the variance the (cluster-robust) variance of the difference, as in GrowthBook's gbstats.
 */
export function sequentialDifference(treatment: ArmMoments, control: ArmMoments, options: SequenceOptions = {}): SequentialDifference {
  const { alpha = 0.05, plannedN = DEFAULT_PLANNED_N } = options;
  const value = meanOf(treatment) - meanOf(control);
  const n = treatment.n + control.n;
  const half = csHalfWidth(varianceOfMean(treatment) + varianceOfMean(control), n, alpha, plannedN);
  return { value, n, ci: Number.isFinite(half) && Number.isFinite(value) ? [value - half, value + half] : null };
}
