/** Descriptive helpers shared by the aggregations and the run statistics. Inputs are never mutated. */

export function sum(values: readonly number[]): number {
  // Neumaier summation: long runs add up many small latencies and costs.
  let total = 0;
  let compensation = 0;
  for (const v of values) {
    const t = total + v;
    compensation += Math.abs(total) >= Math.abs(v) ? total - t + v : v - t + total;
    total = t;
  }
  return total + compensation;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : sum(values) / values.length;
}

/** Sample variance (divisor n − 1); NaN below two values. */
export function variance(values: readonly number[]): number {
  if (values.length < 2) return Number.NaN;
  const m = mean(values);
  return sum(values.map((v) => (v - m) ** 2)) / (values.length - 1);
}

export function sortedCopy(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Linear-interpolation quantile of sorted values (Hyndman–Fan type 7, the numpy/R default). */
export function quantileSorted(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (h - lo) * (b - a);
}

export function median(values: readonly number[]): number {
  return quantileSorted(sortedCopy(values), 0.5);
}

export type HistogramBin = { lo: number; hi: number; count: number };

/**
 * Equal-width bins from min to max, Sturges' rule for the count (⌈log2 n⌉ + 1, at most `maxBins`).
 * Every bin is [lo, hi) except the last, which also holds the maximum.
 */
export function histogram(values: readonly number[], maxBins = 30): HistogramBin[] {
  if (values.length === 0) return [];
  const sorted = sortedCopy(values);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  if (min === max) return [{ lo: min, hi: max, count: values.length }];
  const bins = Math.max(1, Math.min(maxBins, Math.ceil(Math.log2(values.length)) + 1));
  const width = (max - min) / bins;
  const result = Array.from({ length: bins }, (_, i) => ({
    lo: min + i * width,
    hi: i === bins - 1 ? max : min + (i + 1) * width,
    count: 0,
  }));
  for (const v of sorted) {
    const index = Math.min(bins - 1, Math.floor((v - min) / width));
    (result[index] as HistogramBin).count++;
  }
  return result;
}
