import type { Interval } from "@/lib/scoring/statistics";
import { median } from "@/lib/scoring/statistics";
import { rankIntervals } from "./rank";

/** The latest completed run of one model on one benchmark, as the leaderboard reads it. */
export type LatestRun = {
  runId: string;
  modelId: string;
  modelKey: string;
  modelName: string;
  company: string | null;
  modelType: "public" | "custom";
  /** A person's answers (a human baseline), ranked like any model. */
  human?: boolean;
  benchmarkId: string;
  benchmarkKey: string;
  benchmarkName: string;
  categories: string[];
  version: number;
  value: number | null;
  ci: Interval | null;
  n: number;
  method: string | null;
  minTasks: number | null;
  cost: number;
  finishedItems: number;
  medianLatencyS: number | null;
  finishedAt: string;
};

export type Cell = {
  run_id: string;
  version: number;
  value: number | null;
  ci: Interval | null;
  n: number;
  method: string | null;
  /** Fewer tasks than the benchmark's minimum: the score is shown but marked. */
  provisional: boolean;
  /** The best rank this score can claim; rank_range adds the worst. */
  rank: number | null;
  rank_range: [number, number] | null;
  cost_per_1k: number | null;
  median_latency_s: number | null;
  finished_at: string;
};

export type Row = {
  /** `label` is the name, with the key added when another shown model has the same name. */
  model: { id: string; key: string; name: string; label: string; company: string | null; type: "public" | "custom"; human: boolean };
  cells: Record<string, Cell>;
  /** Mean over `average_over`, the benchmarks every shown model ran; independent estimates. */
  average: { value: number; ci: Interval | null; k: number } | null;
  rank: number | null;
  rank_range: [number, number] | null;
  cost_per_1k: number | null;
  median_latency_s: number | null;
};

export type LeaderboardFilters = { category?: string; company?: string; type?: "public" | "custom"; sort?: string; dir?: "asc" | "desc" };

export type Leaderboard = {
  benchmarks: { id: string; key: string; name: string; label: string; categories: string[] }[];
  /** The benchmarks every shown model ran: the only ones averaged, so averages compare like with like. */
  average_over: string[];
  rows: Row[];
  sort: string;
  dir: "asc" | "desc";
  options: { categories: string[]; companies: string[] };
};

const Z95 = 1.959963984540054;

/** Mean of independent estimates; the standard error of each is recovered from its 95% half-width. */
export function averageOf(cells: readonly Cell[]): Row["average"] {
  const scored = cells.filter((c) => c.value !== null) as (Cell & { value: number })[];
  if (scored.length === 0) return null;
  const k = scored.length;
  // One benchmark: its own (possibly asymmetric, e.g. Wilson) interval, so the ranks agree with the cell's.
  if (k === 1) return { value: (scored[0] as Cell & { value: number }).value, ci: (scored[0] as Cell).ci, k };
  const value = scored.reduce((s, c) => s + c.value, 0) / k;
  if (scored.some((c) => c.ci === null)) return { value, ci: null, k };
  const variance = scored.reduce((s, c) => s + (((c.ci as Interval)[1] - (c.ci as Interval)[0]) / (2 * Z95)) ** 2, 0) / k ** 2;
  const half = Z95 * Math.sqrt(variance);
  return { value, ci: [value - half, value + half], k };
}

const costPer1k = (r: LatestRun) => (r.finishedItems > 0 ? (r.cost / r.finishedItems) * 1000 : null);
const defined = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

/** `name`, or `name (key)` when another entry shows the same name. */
function labelled<T extends { name: string; key: string }>(items: T[]): (T & { label: string })[] {
  const count = new Map<string, number>();
  for (const item of items) count.set(item.name, (count.get(item.name) ?? 0) + 1);
  return items.map((item) => ({ ...item, label: (count.get(item.name) ?? 0) > 1 ? `${item.name} (${item.key})` : item.name }));
}

/**
 * Models × benchmarks from each pair's latest completed run. Ranks are per benchmark, and overall by
 * the average over the benchmarks every shown model ran (averages over different sets do not compare).
 */
export function buildLeaderboard(latest: readonly LatestRun[], filters: LeaderboardFilters): Leaderboard {
  const options = {
    categories: [...new Set(latest.flatMap((r) => r.categories))].sort(),
    companies: [...new Set(latest.map((r) => r.company).filter((c): c is string => !!c))].sort(),
  };
  const shown = latest.filter(
    (r) =>
      (!filters.category || r.categories.includes(filters.category)) &&
      (!filters.company || r.company === filters.company) &&
      (!filters.type || r.modelType === filters.type),
  );
  const benchmarks = labelled(
    [
      ...new Map(
        shown.map((r) => [r.benchmarkId, { id: r.benchmarkId, key: r.benchmarkKey, name: r.benchmarkName, categories: r.categories }]),
      ).values(),
    ].sort((a, b) => a.name.localeCompare(b.name) || a.key.localeCompare(b.key)),
  );
  const byModel = new Map<string, Row>();
  for (const r of shown) {
    const row = byModel.get(r.modelId) ?? {
      model: {
        id: r.modelId,
        key: r.modelKey,
        name: r.modelName,
        label: r.modelName,
        company: r.company,
        type: r.modelType,
        human: r.human ?? false,
      },
      cells: {},
      average: null,
      rank: null,
      rank_range: null,
      cost_per_1k: null,
      median_latency_s: null,
    };
    row.cells[r.benchmarkId] = {
      run_id: r.runId,
      version: r.version,
      value: r.value,
      ci: r.ci,
      n: r.n,
      method: r.method,
      provisional: r.minTasks !== null && r.n < r.minTasks,
      rank: null,
      rank_range: null,
      cost_per_1k: costPer1k(r),
      median_latency_s: r.medianLatencyS,
      finished_at: r.finishedAt,
    };
    byModel.set(r.modelId, row);
  }
  const models = labelled([...byModel.values()].map((row) => row.model));
  const rows = [...byModel.values()].map((row, i) => ({ ...row, model: models[i] as Row["model"] }));
  const averageOver = benchmarks.filter((b) => rows.every((row) => row.cells[b.id]?.value != null)).map((b) => b.id);
  for (const row of rows) {
    const cells = Object.values(row.cells);
    row.average = averageOver.length ? averageOf(averageOver.map((id) => row.cells[id] as Cell)) : null;
    row.cost_per_1k = mean(defined(cells.map((c) => c.cost_per_1k)));
    const latencies = defined(cells.map((c) => c.median_latency_s));
    row.median_latency_s = latencies.length ? median(latencies) : null;
  }
  for (const b of benchmarks) {
    const cells = rows.map((row) => row.cells[b.id]).filter((c): c is Cell => c !== undefined);
    rankIntervals(cells).forEach((range, i) => {
      Object.assign(cells[i] as Cell, { rank: range?.[0] ?? null, rank_range: range });
    });
  }
  const averaged = rows.filter((row) => row.average);
  rankIntervals(averaged.map((row) => row.average as NonNullable<Row["average"]>)).forEach((range, i) => {
    Object.assign(averaged[i] as Row, { rank: range?.[0] ?? null, rank_range: range });
  });
  const sort =
    filters.sort && (["name", "average", "cost", "latency"].includes(filters.sort) || benchmarks.some((b) => b.id === filters.sort))
      ? filters.sort
      : "average";
  const dir = filters.dir ?? (sort === "name" || sort === "cost" || sort === "latency" ? "asc" : "desc");
  return { benchmarks, average_over: averageOver, rows: sortRows(rows, sort, dir), sort, dir, options };
}

function sortKey(row: Row, sort: string): number | string | null {
  if (sort === "name") return row.model.name.toLowerCase();
  if (sort === "average") return row.average?.value ?? null;
  if (sort === "cost") return row.cost_per_1k;
  if (sort === "latency") return row.median_latency_s;
  return row.cells[sort]?.value ?? null;
}

/** Missing values sort last in either direction. */
function sortRows(rows: Row[], sort: string, dir: "asc" | "desc"): Row[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortKey(a, sort);
    const y = sortKey(b, sort);
    if (x === y) return a.model.name.localeCompare(b.model.name);
    if (x === null || y === null) return x === null ? 1 : -1;
    return (x < y ? -1 : 1) * sign;
  });
}
