import { tCritical } from "../statistics/quantiles";
import { DEFAULT_CONFIDENCE, type Interval } from "../statistics/types";
import { type ArmEstimate, armEstimate, type FeedbackKind } from "./arm-estimate";
import type { ArmMoments } from "./moments";

export type Difference = { value: number; ci: Interval | null; se: number; method: "newcombe" | "welch" };

/**
 * Newcombe's hybrid score interval for p_t − p_c (Newcombe 1998, method 10), built from the two arms'
 * Wilson intervals (on effective sample sizes when users repeat): good coverage near 0 and 1 where Wald fails.
 */
export function newcombeDifference(treatment: ArmEstimate, control: ArmEstimate): Difference {
  const value = treatment.value - control.value;
  const se = Math.sqrt(treatment.se ** 2 + control.se ** 2);
  if (!treatment.ci || !control.ci) return { value, ci: null, se, method: "newcombe" };
  const [lt, ut] = treatment.ci;
  const [lc, uc] = control.ci;
  const below = Math.sqrt((treatment.value - lt) ** 2 + (uc - control.value) ** 2);
  const above = Math.sqrt((ut - treatment.value) ** 2 + (control.value - lc) ** 2);
  return { value, ci: [value - below, value + above], se, method: "newcombe" };
}

/** Welch's interval for μ_t − μ_c: unequal variances, Welch–Satterthwaite degrees of freedom (users − 1 per arm). */
export function welchDifference(treatment: ArmEstimate, control: ArmEstimate, confidence = DEFAULT_CONFIDENCE): Difference {
  const value = treatment.value - control.value;
  const vt = treatment.se ** 2;
  const vc = control.se ** 2;
  const se = Math.sqrt(vt + vc);
  const df = (vt + vc) ** 2 / (vt ** 2 / treatment.df + vc ** 2 / control.df);
  if (!Number.isFinite(se) || !(treatment.df >= 1 && control.df >= 1)) return { value, ci: null, se, method: "welch" };
  // Two constant arms have no spread: the interval collapses to the point.
  const half = se === 0 ? 0 : tCritical(confidence, df) * se;
  return { value, ci: [value - half, value + half], se, method: "welch" };
}

/** Fixed-horizon difference treatment − control: Newcombe for rates, Welch for means. */
export function armDifference(treatment: ArmMoments, control: ArmMoments, kind: FeedbackKind, confidence = DEFAULT_CONFIDENCE): Difference {
  const t = armEstimate(treatment, kind, confidence);
  const c = armEstimate(control, kind, confidence);
  return kind === "bool" ? newcombeDifference(t, c) : welchDifference(t, c, confidence);
}
