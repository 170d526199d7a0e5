import { describe, expect, it } from "vitest";
import { averageOf, buildLeaderboard, type Cell, type LatestRun } from "@/lib/reports/leaderboard";

function latest(over: Partial<LatestRun>): LatestRun {
  return {
    runId: "r",
    modelId: "m1",
    modelKey: "acme/model-1",
    modelName: "Model 1",
    company: "Acme",
    modelType: "public",
    benchmarkId: "b1",
    benchmarkKey: "bench-1",
    benchmarkName: "Bench 1",
    categories: ["math"],
    version: 1,
    value: 0.5,
    ci: [0.4, 0.6],
    n: 100,
    method: "wilson",
    minTasks: null,
    cost: 2,
    finishedItems: 100,
    medianLatencyS: 1,
    finishedAt: "2026-01-01T00:00:00.000Z",
    ...over,
  };
}

describe("averageOf", () => {
  it("averages independent estimates and combines their standard errors", () => {
    // SE_i = half-width / 1.959964: 0.1/1.959964 = 0.051021, 0.2/1.959964 = 0.102042;
    // SE of the mean = sqrt(0.051021² + 0.102042²) / 2 = 0.057044; half-width = 1.959964 × 0.057044 = 0.111803 (= sqrt(0.1² + 0.2²) / 2).
    const avg = averageOf([{ value: 0.5, ci: [0.4, 0.6] } as Cell, { value: 0.7, ci: [0.5, 0.9] } as Cell]);
    expect(avg?.value).toBeCloseTo(0.6, 12);
    expect(avg?.ci?.[0]).toBeCloseTo(0.6 - 0.111803, 6);
    expect(avg?.ci?.[1]).toBeCloseTo(0.6 + 0.111803, 6);
    expect(avg?.k).toBe(2);
  });

  it("keeps a single benchmark's own interval", () => {
    expect(averageOf([{ value: 0.5, ci: [0.3, 0.6] } as Cell])).toEqual({ value: 0.5, ci: [0.3, 0.6], k: 1 });
  });

  it("has no interval when a cell has none, and no average without scores", () => {
    expect(averageOf([{ value: 0.5, ci: null } as Cell])).toEqual({ value: 0.5, ci: null, k: 1 });
    expect(averageOf([{ value: null, ci: null } as Cell])).toBeNull();
  });
});

describe("buildLeaderboard", () => {
  const rows = [
    latest({ runId: "a", modelId: "m1", modelName: "Alpha", value: 0.9, ci: [0.85, 0.95], cost: 10 }),
    latest({ runId: "b", modelId: "m2", modelName: "Beta", company: "Other", value: 0.88, ci: [0.8, 0.93], cost: 1, minTasks: 500 }),
    latest({
      runId: "c",
      modelId: "m3",
      modelName: "Gamma",
      modelType: "custom",
      value: 0.6,
      ci: [0.5, 0.7],
      benchmarkId: "b2",
      benchmarkName: "Bench 2",
      categories: ["code"],
    }),
  ];

  it("ranks tied models together and marks runs below the benchmark's minimum as provisional", () => {
    const board = buildLeaderboard(rows, {});
    expect(board.rows.map((r) => [r.model.name, r.cells.b1?.rank ?? null])).toEqual([
      ["Alpha", 1],
      ["Beta", 1],
      ["Gamma", null],
    ]);
    expect(board.rows[1]?.cells.b1?.provisional).toBe(true);
    // Nobody ran both benchmarks, so no overall rank.
    expect(board.rows.map((r) => r.rank)).toEqual([null, null, null]);
    expect(board.rows[0]?.cost_per_1k).toBeCloseTo(100, 12);
  });

  it("filters and offers the options of the unfiltered data", () => {
    const board = buildLeaderboard(rows, { category: "math", company: "Acme" });
    expect(board.rows.map((r) => r.model.name)).toEqual(["Alpha"]);
    expect(board.options).toEqual({ categories: ["code", "math"], companies: ["Acme", "Other"] });
    expect(buildLeaderboard(rows, { type: "custom" }).rows.map((r) => r.model.name)).toEqual(["Gamma"]);
  });

  it("sorts by a benchmark column with missing values last, and ignores an unknown sort", () => {
    expect(buildLeaderboard(rows, { sort: "b2" }).rows.map((r) => r.model.name)).toEqual(["Gamma", "Alpha", "Beta"]);
    // Cost per 1K tasks: Beta $10, Gamma $20, Alpha $100.
    expect(buildLeaderboard(rows, { sort: "cost" }).rows.map((r) => r.model.name)).toEqual(["Beta", "Gamma", "Alpha"]);
    expect(buildLeaderboard(rows, { sort: "nonsense" }).sort).toBe("average");
  });

  it("averages only the benchmarks every shown model ran, says which, and ranks on that", () => {
    const board = buildLeaderboard(
      [
        latest({ runId: "a1", modelId: "m1", modelName: "Alpha", value: 0.9, ci: [0.85, 0.95] }),
        latest({
          runId: "a2",
          modelId: "m1",
          modelName: "Alpha",
          value: 0.1,
          ci: [0.05, 0.15],
          benchmarkId: "b2",
          benchmarkKey: "b-2",
          benchmarkName: "Bench 2",
        }),
        latest({ runId: "b1", modelId: "m2", modelName: "Beta", value: 0.5, ci: [0.45, 0.55] }),
      ],
      {},
    );
    // Alpha's 0.1 on Bench 2 would drag its average to 0.5 and tie it with Beta: Beta never ran Bench 2.
    expect(board.average_over).toEqual(["b1"]);
    expect(board.rows.map((r) => [r.model.name, r.average?.value, r.average?.k, r.rank])).toEqual([
      ["Alpha", 0.9, 1, 1],
      ["Beta", 0.5, 1, 2],
    ]);
  });

  it("gives every benchmark's cells a rank interval, even without an overall rank", () => {
    const board = buildLeaderboard([...rows, latest({ runId: "d", modelId: "m4", modelName: "Delta", value: 0.6, ci: [0.5, 0.7] })], {});
    expect(board.average_over).toEqual([]);
    const ranges = Object.fromEntries(board.rows.map((r) => [r.model.name, [r.cells.b1?.rank_range ?? null, r.rank_range]]));
    // Alpha [0.85, 0.95] and Beta [0.8, 0.93] overlap: each could be 1st or 2nd; Delta is below both.
    expect(ranges).toEqual({ Alpha: [[1, 2], null], Beta: [[1, 2], null], Delta: [[3, 3], null], Gamma: [null, null] });
  });

  it("tells apart models and benchmarks that share a name by their key", () => {
    const board = buildLeaderboard(
      [
        latest({ runId: "x", modelId: "m1", modelKey: "acme/same", modelName: "Same" }),
        latest({ runId: "y", modelId: "m2", modelKey: "other/same", modelName: "Same" }),
        latest({ runId: "z", modelId: "m2", modelKey: "other/same", modelName: "Same", benchmarkId: "b2", benchmarkKey: "bench-1-copy" }),
      ],
      {},
    );
    expect(board.rows.map((r) => r.model.label).sort()).toEqual(["Same (acme/same)", "Same (other/same)"]);
    expect(board.benchmarks.map((b) => b.label)).toEqual(["Bench 1 (bench-1)", "Bench 1 (bench-1-copy)"]);
  });
});
