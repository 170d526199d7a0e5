import type { Outcome } from "@/lib/services/reports/compare-query";

/** An outcome in words, with the compared run's letter (the baseline is always A). */
export function outcomeLabel(outcome: Outcome, b = "B"): string {
  const labels: Record<Outcome, string> = {
    both_right: "Both right",
    only_a: "Only A right",
    only_b: `Only ${b} right`,
    both_wrong: "Both wrong",
    a_higher: "A scored higher",
    b_higher: `${b} scored higher`,
    same: "Same score",
  };
  return labels[outcome];
}

const signed = (v: number, digits: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${Math.abs(v).toFixed(digits)}`;

/** A difference b − a: percentage points for pass/fail scores, plain numbers otherwise; "+4.2 pts [−1.0, +9.4]". */
export function formatDelta(d: { value: number; ci: [number, number] | null } | null, percent: boolean): string {
  if (!d || !Number.isFinite(d.value)) return "—";
  const [scale, digits, unit] = percent ? [100, 1, " pts"] : [1, 3, ""];
  const ci = d.ci ? ` [${signed(d.ci[0] * scale, digits)}, ${signed(d.ci[1] * scale, digits)}]` : "";
  return `${signed(d.value * scale, digits)}${unit}${ci}`;
}

export function formatMean(v: number | null, percent: boolean): string {
  if (v === null || !Number.isFinite(v)) return "—";
  return percent ? `${(v * 100).toFixed(1)}%` : v.toFixed(3);
}

/** A, B, C… as the page names the runs; A is the baseline. */
export const letter = (i: number) => String.fromCharCode(65 + i);
