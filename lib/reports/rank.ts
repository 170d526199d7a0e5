import type { Interval } from "@/lib/scoring/statistics";

export type Ranked = { value: number | null; ci: Interval | null };

/**
 * Rank with uncertainty, as Chatbot Arena does: 1 + the number of entries whose interval lies entirely
 * above this one's, so statistically tied entries share a rank. Entries without a score get no rank;
 * an entry without an interval counts as the point value.
 */
export function uncertaintyRanks(entries: readonly Ranked[]): (number | null)[] {
  const bounds = entries.map((e): Interval | null => (e.value === null ? null : (e.ci ?? [e.value, e.value])));
  return bounds.map((own) => (own === null ? null : 1 + bounds.filter((other) => other !== null && other[0] > own[1]).length));
}

/**
 * Each entry's plausible ranks [best, worst]: best is its uncertainty rank, worst is the number of scored
 * entries minus those whose interval lies entirely below it. Entries without a score get null.
 */
export function rankIntervals(entries: readonly Ranked[]): ([number, number] | null)[] {
  const bounds = entries.map((e): Interval | null => (e.value === null ? null : (e.ci ?? [e.value, e.value])));
  const scored = bounds.filter((b) => b !== null).length;
  return bounds.map((own) => {
    if (own === null) return null;
    const above = bounds.filter((other) => other !== null && other[0] > own[1]).length;
    const below = bounds.filter((other) => other !== null && other[1] < own[0]).length;
    return [1 + above, scored - below];
  });
}

export type Point = { x: number; y: number };

/**
 * Indices of the Pareto-optimal points when lower x (cost, latency) and higher y (score) are better: no
 * other point is at least as good on both and better on one. Returned in increasing x.
 */
export function paretoFrontier(points: readonly Point[]): number[] {
  const order = points
    .map((_, i) => i)
    .sort((a, b) => (points[a] as Point).x - (points[b] as Point).x || (points[b] as Point).y - (points[a] as Point).y);
  const frontier: number[] = [];
  let best = Number.NEGATIVE_INFINITY;
  for (const i of order) {
    const p = points[i] as Point;
    if (p.y > best) {
      frontier.push(i);
      best = p.y;
    }
  }
  return frontier;
}
