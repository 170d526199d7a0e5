import { describe, expect, it } from "vitest";
import { paretoFrontier, uncertaintyRanks } from "@/lib/reports/rank";

describe("uncertaintyRanks", () => {
  it("gives statistically tied entries the same rank", () => {
    const ranks = uncertaintyRanks([
      { value: 0.9, ci: [0.85, 0.95] }, // nothing entirely above → 1
      { value: 0.82, ci: [0.78, 0.86] }, // overlaps the first (0.85 < 0.86) → 1
      { value: 0.7, ci: [0.66, 0.74] }, // both above → 3
      { value: 0.72, ci: null }, // a point: only the first two lie above 0.72 → 3
      { value: null, ci: null },
    ]);
    expect(ranks).toEqual([1, 1, 3, 3, null]);
  });

  it("ranks a lone entry first", () => {
    expect(uncertaintyRanks([{ value: 0.1, ci: [0, 0.3] }])).toEqual([1]);
  });
});

describe("paretoFrontier", () => {
  it("keeps the points no other point beats on both cost and score", () => {
    const points = [
      { x: 1, y: 0.5 }, // cheapest → frontier
      { x: 2, y: 0.4 }, // dearer and worse than 0 → dominated
      { x: 3, y: 0.8 }, // frontier
      { x: 3, y: 0.7 }, // same cost, lower score → dominated
      { x: 5, y: 0.8 }, // same score, dearer → dominated
      { x: 9, y: 0.95 }, // frontier
    ];
    expect(paretoFrontier(points)).toEqual([0, 2, 5]);
  });

  it("is empty for no points", () => {
    expect(paretoFrontier([])).toEqual([]);
  });
});
