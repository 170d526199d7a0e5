import { describe, expect, it } from "vitest";
import { accuracy } from "@/lib/scoring/statistics/accuracy";
import { consistency } from "@/lib/scoring/statistics/consistency";
import { passAtK, passAtKAggregate } from "@/lib/scoring/statistics/pass-at-k";
import { perSubset } from "@/lib/scoring/statistics/per-subset";

describe("passAtK", () => {
  // python3: 1 − Fraction(math.comb(n−c, k), math.comb(n, k)), exact rational arithmetic.
  it.each([
    [10, 3, 1, 0.3],
    [10, 3, 5, 0.9166666666666666],
    [10, 8, 5, 1],
    [200, 13, 10, 0.49755111473060615],
    [2000, 5, 100, 0.22642297620423335],
    [5, 0, 1, 0],
  ])("pass@k(n=%i, c=%i, k=%i) = %f", (n, c, k, expected) => {
    expect(passAtK(n, c, k)).toBeCloseTo(expected, 12);
  });

  it("rejects impossible arguments", () => {
    expect(() => passAtK(5, 6, 1)).toThrow();
    expect(() => passAtK(5, 2, 6)).toThrow();
    expect(() => passAtK(5, 2, 1.5)).toThrow();
  });

  it("averages over tasks", () => {
    const result = passAtKAggregate(
      [
        { n: 10, c: 3 },
        { n: 10, c: 8 },
      ],
      5,
    );
    expect(result.value).toBeCloseTo((0.9166666666666666 + 1) / 2, 12);
    expect(result.method).toBe("pass@5-t");
  });
});

describe("consistency", () => {
  it("measures the modal share and unanimity per task", () => {
    const result = consistency([["A", "A", "A"], ["A", "B", "A"], ["B", "C", "D"], []]);
    // modal shares by hand: 1, 2/3, 1/3 → mean 2/3; unanimous 1 of 3 tasks.
    expect(result.agreement.n).toBe(3);
    expect(result.agreement.value).toBeCloseTo(2 / 3, 12);
    expect(result.unanimous.value).toBeCloseTo(1 / 3, 12);
    // Wilson 1/3 from python3 math: (0.06149194472039615, 0.7923403991979523)
    expect(result.unanimous.ci?.[0]).toBeCloseTo(0.06149194472039615, 9);
  });

  it("compares structured answers by value", () => {
    expect(consistency([[{ a: 1 }, { a: 1 }]]).unanimous.value).toBe(1);
  });
});

describe("perSubset", () => {
  it("groups by subset with a shared group for results without one", () => {
    const results = [{ subset: "math", pass: true }, { subset: "law", pass: false }, { subset: "math", pass: false }, { pass: true }];
    const groups = perSubset(results, (group) => accuracy(group.map((r) => r.pass)));
    expect(groups.map((g) => [g.subset, g.aggregate.n, g.aggregate.value])).toEqual([
      ["(none)", 1, 1],
      ["law", 1, 0],
      ["math", 2, 0.5],
    ]);
  });
});
