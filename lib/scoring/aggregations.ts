import type { AggregationName } from "@/lib/validation/runs";
import {
  type Aggregate,
  accuracy,
  categoricalCount,
  clusteredMean,
  meanAggregate,
  medianAggregate,
  perSubset,
  weightedMean,
} from "./statistics";
import type { CategoricalAggregate } from "./statistics/categorical";
import type { SubsetGroup } from "./statistics/per-subset";

/** One scored result as an aggregation reads it; `weight` is the task's weight for weighted_mean. */
export type AggregationRow = { subset: string | null; pass: boolean | null; value: unknown; weight?: number | null };

export type Grouped<A> = { overall: A; by_subset: SubsetGroup<A>[] };
/** `clustered`: the cluster-robust interval when results fall into two or more subsets (Miller 2024), else null. */
export type ClusteredGrouped = Grouped<Aggregate> & { clustered: Aggregate | null };
/** `unweighted`: results left out because their task has no usable weight. */
export type WeightedGrouped = Grouped<Aggregate> & { unweighted: number };
export type Aggregations = {
  accuracy?: ClusteredGrouped;
  mean?: ClusteredGrouped;
  weighted_mean?: WeightedGrouped;
  median?: Grouped<Aggregate>;
  categorical?: Grouped<CategoricalAggregate>;
};

/** A pass counts 1, a fail 0; otherwise a numeric or boolean value; labels are NaN. */
export function numericValue(row: AggregationRow): number {
  if (row.pass !== null) return Number(row.pass);
  return typeof row.value === "number" || typeof row.value === "boolean" ? Number(row.value) : Number.NaN;
}

/** Accuracy for pass/fail scorers, categorical counts for labels, a mean otherwise. */
export function defaultAggregation(rows: readonly AggregationRow[]): "accuracy" | "mean" | "categorical" {
  if (rows.every((r) => r.pass !== null)) return "accuracy";
  return rows.length > 0 && rows.every((r) => typeof r.value === "string") ? "categorical" : "mean";
}

type Valued = AggregationRow & { x: number };

function withClusters(rows: readonly Valued[], aggregate: (group: readonly Valued[]) => Aggregate, proportion: boolean): ClusteredGrouped {
  const subsets = new Set(rows.map((r) => r.subset));
  let clustered = subsets.size > 1 ? clusteredMean(rows.map((r) => ({ value: r.x, cluster: r.subset ?? "" }))) : null;
  // A t interval around a proportion can cross 0 or 1; a proportion's interval cannot.
  if (proportion && clustered?.ci) clustered = { ...clustered, ci: [Math.max(0, clustered.ci[0]), Math.min(1, clustered.ci[1])] };
  return { overall: aggregate(rows), clustered, by_subset: perSubset(rows, aggregate) };
}

const label = (v: unknown): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean";

const valuedRows = (rows: readonly AggregationRow[]): Valued[] =>
  rows.map((r) => ({ ...r, x: numericValue(r) })).filter((r) => Number.isFinite(r.x));
const xs = (group: readonly Valued[]) => group.map((r) => r.x);

/**
 * Each aggregation of a scorer's results, overall and per subset, each with n and a 95 % interval:
 * accuracy (Wilson), mean (Student t), weighted mean (linearised t), median (seeded percentile
 * bootstrap) and categorical counts (a Wilson interval per category's proportion).
 */
const AGGREGATORS: { [K in AggregationName]: (rows: readonly AggregationRow[], seed: number) => NonNullable<Aggregations[K]> } = {
  accuracy: (rows) => withClusters(valuedRows(rows), (g) => accuracy(xs(g)), true),
  mean: (rows) => withClusters(valuedRows(rows), (g) => meanAggregate(xs(g)), false),
  weighted_mean: (rows) => {
    const valued = valuedRows(rows);
    const weighted = valued.filter((r) => typeof r.weight === "number" && r.weight >= 0 && Number.isFinite(r.weight));
    const aggregate = (g: readonly Valued[]) =>
      weightedMean(
        xs(g),
        g.map((r) => r.weight as number),
      );
    return { overall: aggregate(weighted), by_subset: perSubset(weighted, aggregate), unweighted: valued.length - weighted.length };
  },
  median: (rows, seed) => {
    const valued = valuedRows(rows);
    const median = (g: readonly Valued[]) => medianAggregate(xs(g), { seed });
    return { overall: median(valued), by_subset: perSubset(valued, median) };
  },
  categorical: (rows) => {
    const labelled = rows.filter((r) => label(r.value));
    const count = (g: readonly AggregationRow[]) => categoricalCount(g.map((r) => r.value as string | number | boolean));
    return { overall: count(labelled), by_subset: perSubset(labelled, count) };
  },
};

export function aggregateRows<K extends AggregationName>(kind: K, rows: readonly AggregationRow[], seed = 0): NonNullable<Aggregations[K]> {
  return AGGREGATORS[kind](rows, seed);
}

/** The requested aggregations (the default one when none are), keyed by name. */
export function aggregations(rows: readonly AggregationRow[], requested: readonly AggregationName[] | undefined, seed = 0): Aggregations {
  const kinds = requested?.length ? requested : [defaultAggregation(rows)];
  return Object.fromEntries(kinds.map((kind) => [kind, aggregateRows(kind, rows, seed)]));
}
