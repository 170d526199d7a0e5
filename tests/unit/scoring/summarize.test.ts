import { describe, expect, it } from "vitest";
import { type ResultForSummary, summarize } from "@/lib/jobs/summarize";

function result(over: Partial<ResultForSummary>): ResultForSummary {
  return {
    position: 0,
    sample: 0,
    subset: null,
    status: "ok",
    scores: {},
    passed: null,
    score: null,
    latencyMs: 100,
    tokensIn: 1,
    tokensOut: 1,
    cost: 0,
    attempts: 1,
    error: null,
    charsIn: 10,
    charsOut: 5,
    ...over,
  };
}

describe("summarize", () => {
  // A mixed benchmark on default scorers: MCQ tasks graded by letter, free response by exact match.
  const results = [
    result({ subset: "a", scores: { mcq_letter: { value: "A", pass: true } }, passed: true, score: 1 }),
    result({ subset: "a", scores: { mcq_letter: { value: "B", pass: false } }, passed: false, score: 0 }),
    result({ subset: "b", scores: { exact_match: { value: "x", pass: true } }, passed: true, score: 1 }),
    result({ subset: "b", scores: { exact_match: { value: "y", pass: true } }, passed: true, score: 1 }),
    result({ status: "error", error: "timeout", latencyMs: null }),
  ];

  it("scores the primary result of every task, whichever scorer graded it", () => {
    const summary = summarize(results, 5);
    // 3 of 4 answered tasks pass; Wilson 95% for 3/4 (statsmodels proportion_confint(3, 4, method="wilson")) = (0.3006, 0.9544).
    expect(summary.primary?.overall).toMatchObject({ n: 4, value: 0.75 });
    expect(summary.primary?.overall.ci?.[0]).toBeCloseTo(0.3006, 4);
    expect(summary.primary?.overall.ci?.[1]).toBeCloseTo(0.9544, 4);
    expect(summary.primary?.by_subset.map((s) => [s.subset, s.aggregate.value])).toEqual([
      ["a", 0.5],
      ["b", 1],
    ]);
    expect(summary.scorers.mcq_letter?.overall.n).toBe(2);
    expect(summary.stats.answeredCorrectly).toBe(3);
  });

  it("gives numeric scorers a mean and a histogram", () => {
    const numeric = [0.2, 0.4, 0.6, 0.8].map((v) => result({ scores: { token_f1: { value: v } }, score: v }));
    const summary = summarize(numeric, 4);
    expect(summary.primary?.overall.value).toBeCloseTo(0.5, 12);
    expect(summary.primary?.histogram?.reduce((n, b) => n + b.count, 0)).toBe(4);
    expect(summary.scorers.token_f1?.histogram).toBeDefined();
  });

  it("has no primary score when nothing was answered", () => {
    expect(summarize([result({ status: "error", error: "500" })], 1).primary).toBeNull();
  });

  it("keeps the best and worst answers' keys, in task order among ties", () => {
    const scored = [0.9, 0.1, 0.9, 0.5, 0.1, 0.7].map((v, position) => result({ position, scores: { token_f1: { value: v } }, score: v }));
    const { examples } = summarize([...scored, result({ position: 9, status: "error", error: "500" })], 7);
    expect(examples.best.map((k) => k.position)).toEqual([0, 2, 5]);
    expect(examples.worst.map((k) => k.position)).toEqual([1, 4, 3]);
    expect(summarize([result({ score: 1, passed: true }), result({ position: 1, score: 1, passed: true })], 2).examples).toEqual({
      best: [],
      worst: [],
    });
  });

  it("gives the primary score the first scorer's summary when every task's primary is that scorer", () => {
    const rows = [true, false, true, true].map((pass, position) =>
      result({
        position,
        subset: position % 2 ? "a" : "b",
        scores: { exact_match: { value: "x", pass } },
        passed: pass,
        score: Number(pass),
      }),
    );
    const summary = summarize(rows, 4);
    expect(summary.primary).toEqual(summary.scorers.exact_match);
    expect(summary.primary?.overall).toMatchObject({ n: 4, value: 0.75 });
  });
});
