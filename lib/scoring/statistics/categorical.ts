import { DEFAULT_CONFIDENCE, type Interval } from "./types";
import { wilsonInterval } from "./wilson";

export type CategoryCount = { category: string; count: number; proportion: number; ci: Interval | null };
export type CategoricalAggregate = { n: number; categories: CategoryCount[]; method: "wilson" };

/** Counts per category (most frequent first, ties by name), each proportion with its own Wilson interval. */
export function categoricalCount(values: readonly (string | number | boolean)[], confidence = DEFAULT_CONFIDENCE): CategoricalAggregate {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
  const n = values.length;
  const categories = [...counts.entries()]
    .map(([category, count]) => ({ category, count, proportion: count / n, ci: wilsonInterval(count, n, confidence) }))
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return { n, categories, method: "wilson" };
}
