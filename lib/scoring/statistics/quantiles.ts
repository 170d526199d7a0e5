import jStat from "jstat";

/** Two-sided critical value of the standard normal, e.g. 1.959964 for 95%. */
export function zCritical(confidence: number): number {
  return jStat.normal.inv(1 - (1 - confidence) / 2, 0, 1);
}

/** Two-sided critical value of Student's t with `df` degrees of freedom, e.g. 2.262157 for 95% and df = 9. */
export function tCritical(confidence: number, df: number): number {
  return jStat.studentt.inv(1 - (1 - confidence) / 2, df);
}
