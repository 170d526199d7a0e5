import type { ApiAbTest } from "./types";

/** A value of the test's key: a rate as a percentage, a scalar with three significant digits. */
export function formatMetric(value: number | null | undefined, kind: ApiAbTest["feedback_kind"], signed = false): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  const sign = signed && value > 0 ? "+" : "";
  return kind === "bool" ? `${sign}${(value * 100).toFixed(1)}${signed ? " pts" : "%"}` : `${sign}${value.toPrecision(3)}`;
}

export function formatRange(ci: readonly [number, number] | null | undefined, kind: ApiAbTest["feedback_kind"], signed = false): string {
  return ci ? `[${formatMetric(ci[0], kind, signed)}, ${formatMetric(ci[1], kind, signed)}]` : "—";
}

/** The verdict in words. */
export function verdictText(test: Pick<ApiAbTest, "status" | "outcome" | "winner" | "arms" | "note">): string {
  if (test.status === "cancelled") return "Cancelled: no verdict.";
  if (test.status === "running") return "Running: no verdict yet.";
  if (test.outcome === "winner") {
    const arm = test.arms.find((a) => a.arm === test.winner);
    return `Completed: ${test.winner} (${arm?.model ?? "?"}) wins.`;
  }
  return `Completed: no significant difference${test.note ? ` (${test.note.toLowerCase()})` : ""}.`;
}
