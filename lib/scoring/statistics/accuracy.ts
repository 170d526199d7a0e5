import { type Aggregate, DEFAULT_CONFIDENCE } from "./types";
import { wilsonInterval } from "./wilson";

/** Share of passes with a Wilson interval. Numbers count as a pass when they are ≥ 0.5 (1/0 scores). */
export function accuracy(passes: readonly (boolean | number)[], confidence = DEFAULT_CONFIDENCE): Aggregate {
  const n = passes.length;
  const successes = passes.filter((p) => (typeof p === "boolean" ? p : p >= 0.5)).length;
  return { n, value: n === 0 ? Number.NaN : successes / n, ci: wilsonInterval(successes, n, confidence), method: "wilson" };
}
