import { DEFAULT_PLANNED_N, type SequentialDifference, sequentialDifference } from "./confidence-sequence";
import type { ArmMoments } from "./moments";

export type ScoringType = "higher_is_better" | "lower_is_better";
export type StopRule = {
  minSamplesPerArm: number;
  maxSamplesPerArm?: number | null;
  endsAt?: Date | null;
};
export type Verdict =
  | { status: "running"; reason: "min_samples" | "no_winner_yet" }
  | { status: "winner"; winner: number }
  | { status: "no_significant_difference"; reason: "max_samples" | "ends_at" };

export const DEFAULT_ALPHA = 0.05;

/** The sequences are tuned for the planned pair size: both arms at max_samples_per_arm, else GrowthBook's N*. */
export function plannedN(maxSamplesPerArm?: number | null): number {
  return maxSamplesPerArm ? 2 * maxSamplesPerArm : DEFAULT_PLANNED_N;
}

/**
 * α per pairwise sequence. A false winner needs its K − 1 sequences all wrong on the same side, each with
 * probability ≤ α'/2, so over K arms P(false winner) ≤ K·α'/2; α' = α/(K − 1) keeps that ≤ α for every K ≥ 2.
 */
export function pairwiseAlpha(arms: number, alpha = DEFAULT_ALPHA): number {
  return alpha / Math.max(1, arms - 1);
}

/** The sequence of arm i minus arm j for every ordered pair, at the decision's α. */
export function pairwiseSequences(arms: readonly ArmMoments[], rule: StopRule, alpha = DEFAULT_ALPHA): SequentialDifference[][] {
  const options = { alpha: pairwiseAlpha(arms.length, alpha), plannedN: plannedN(rule.maxSamplesPerArm) };
  return arms.map((a, i) => arms.map((b, j) => (i === j ? { value: 0, ci: null, n: a.n } : sequentialDifference(a, b, options))));
}

/** Without a winner: stop once the smallest arm reached max_samples_per_arm or the end time passed, else keep running. */
export function verdictWithoutWinner(counts: readonly number[], rule: StopRule, now: Date): Verdict {
  const smallest = Math.min(...counts);
  if (rule.maxSamplesPerArm && smallest >= rule.maxSamplesPerArm) return { status: "no_significant_difference", reason: "max_samples" };
  if (rule.endsAt && now.getTime() >= rule.endsAt.getTime()) return { status: "no_significant_difference", reason: "ends_at" };
  return { status: "running", reason: smallest < rule.minSamplesPerArm ? "min_samples" : "no_winner_yet" };
}

/**
 * Metric tests: a winner once every arm has min_samples_per_arm feedbacks and one arm's sequences against
 * every other arm exclude 0 on the good side; otherwise "no significant difference" at max samples or
 * the end time, else still running.
 */
export function decideMetric(
  arms: readonly ArmMoments[],
  scoring: ScoringType,
  rule: StopRule,
  now = new Date(),
  alpha = DEFAULT_ALPHA,
): Verdict {
  const counts = arms.map((a) => a.n);
  if (Math.min(...counts) >= rule.minSamplesPerArm) {
    const sign = scoring === "higher_is_better" ? 1 : -1;
    const sequences = pairwiseSequences(arms, rule, alpha);
    const winner = sequences.findIndex((row, i) =>
      row.every((d, j) => i === j || (d.ci !== null && (sign > 0 ? d.ci[0] > 0 : d.ci[1] < 0))),
    );
    if (winner >= 0) return { status: "winner", winner };
  }
  return verdictWithoutWinner(counts, rule, now);
}
