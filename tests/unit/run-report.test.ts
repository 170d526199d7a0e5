import { describe, expect, it } from "vitest";
import { distributionsOf } from "@/components/runs/histograms";
import { formatInterval, formatScore, formatValue } from "@/components/runs/format";
import { exportHref, parseResultSearch, resultHref, runResultsHref } from "@/components/runs/links";
import type { RunSummary } from "@/components/runs/types";
import { hardestSubsets } from "@/lib/services/runs/examples";
import { ListResultsQuery, resultFilterParams } from "@/lib/validation/run-results";

const RUN = "0b9e7f1c-6a55-4c1e-9d7e-0f1b2c3d4e5f";
const agg = (value: number | null, n = 10) => ({
  n,
  value,
  ci: value === null ? null : ([value - 0.1, value + 0.1] as [number, number]),
  method: "wilson",
});

describe("result filters in the URL", () => {
  it("treats the empty fields of a GET form as no filter and fills the defaults", () => {
    const q = ListResultsQuery.parse({
      outcome: "",
      subset: " ",
      q: "",
      scorer: "",
      pass: "",
      min: "",
      max: "",
      sort: "",
      order: "",
      page: "2",
      per_page: "50",
    });
    expect(q).toMatchObject({ sort: "position", order: "asc", page: 2, per_page: 50 });
    expect(q.outcome).toBeUndefined();
    expect(q.min).toBeUndefined();
  });

  it("names every invalid field, and needs a scorer for pass, min and max", () => {
    const bad = ListResultsQuery.safeParse({ outcome: "maybe", sort: "length", min: "x" });
    expect(bad.error?.issues.map((i) => i.path.join("."))).toEqual(["outcome", "min", "sort"]);
    const orphan = ListResultsQuery.safeParse({ pass: "true", min: "3", max: "1" });
    expect(orphan.error?.issues.map((i) => i.message)).toEqual([
      "pass needs a scorer",
      "min needs a scorer",
      "max needs a scorer",
      "min must not exceed max",
    ]);
  });

  it("writes only non-default parameters, so the permalink is short and stable", () => {
    const q = ListResultsQuery.parse({ q: "a&b", outcome: "error", scorer: "judge", min: "0.5", sort: "position", order: "asc" });
    expect(resultFilterParams(q).toString()).toBe("outcome=error&q=a%26b&scorer=judge&min=0.5");
    // What the params say parses back to the same filters.
    expect(ListResultsQuery.parse(Object.fromEntries(resultFilterParams(q)))).toEqual(q);
  });

  it("builds report, drill-down and export links", () => {
    const q = ListResultsQuery.parse({ outcome: "incorrect", sort: "latency", order: "desc" });
    expect(runResultsHref("demo", RUN, q, 3)).toBe(`/demo/runs/${RUN}?outcome=incorrect&sort=latency&order=desc&page=3#results`);
    expect(runResultsHref("demo", RUN, {})).toBe(`/demo/runs/${RUN}#results`);
    expect(resultHref("demo", RUN, { position: 7, sample: 0 })).toBe(`/demo/runs/${RUN}/tasks/7`);
    expect(resultHref("demo", RUN, { position: 7, sample: 2 })).toBe(`/demo/runs/${RUN}/tasks/7?sample=2`);
    // The export ignores the on-screen order (it is always in task order).
    expect(exportHref("demo", RUN, q, "csv")).toBe(`/api/v1/runs/${RUN}/export?outcome=incorrect&format=csv&project=demo`);
  });

  it("falls back to the defaults on an invalid link and says why", () => {
    const { query, errors } = parseResultSearch({ outcome: ["maybe", "correct"], page: "2" }, 50);
    expect(errors).toEqual(["outcome must be correct, incorrect or error"]);
    expect(query).toMatchObject({ page: 1, per_page: 50, sort: "position" });
    expect(parseResultSearch({ subset: "hard", page: "2" }, 50)).toMatchObject({
      query: { subset: "hard", page: 2 },
      errors: [],
      canonical: true,
    });
  });

  it("marks a submitted form's address (blank and default fields) as not canonical", () => {
    const submitted = { q: "", outcome: "correct", subset: "", scorer: "", pass: "", min: "", max: "", sort: "latency", order: "asc" };
    expect(parseResultSearch(submitted, 50)).toMatchObject({ query: { outcome: "correct", sort: "latency" }, canonical: false });
    expect(parseResultSearch({ outcome: "correct", sort: "latency" }, 50).canonical).toBe(true);
    expect(parseResultSearch({ sort: "latency", outcome: "correct" }, 50).canonical).toBe(false);
    expect(parseResultSearch({ page: "1" }, 50).canonical).toBe(false);
    expect(parseResultSearch({}, 50).canonical).toBe(true);
  });
});

describe("report helpers", () => {
  it("formats a score's value and interval separately and together", () => {
    const a = { n: 400, value: 0.725, ci: [0.681, 0.765] as [number, number], method: "wilson" };
    expect(formatValue(a)).toBe("72.5%");
    expect(formatInterval(a)).toBe("[68.1, 76.5]");
    expect(formatScore(a)).toBe("72.5% [68.1, 76.5], n=400");
    expect(formatValue({ value: 12.4, method: "t" })).toBe("12.40");
    expect(formatInterval({ value: 0.5, ci: null, method: "wilson" })).toBe("—");
  });

  it("ranks the hardest subsets lowest first, skipping unscored ones, and only when there are several", () => {
    const rows = [
      { subset: "b", aggregate: agg(0.4) },
      { subset: "a", aggregate: agg(0.4) },
      { subset: "c", aggregate: agg(0.9) },
      { subset: "none", aggregate: agg(null) },
    ];
    expect(hardestSubsets(rows).map((r) => r.subset)).toEqual(["a", "b", "c"]);
    expect(hardestSubsets(rows, 1).map((r) => r.subset)).toEqual(["a"]);
    expect(hardestSubsets([{ subset: "only", aggregate: agg(0.5) }])).toEqual([]);
    expect(hardestSubsets(undefined)).toEqual([]);
  });

  it("lists latency, response length and numeric scorers as labelled histograms", () => {
    const bins = [
      { lo: 0, hi: 0.5, count: 3 },
      { lo: 0.5, hi: 1, count: 1 },
    ];
    const summary = {
      primary_scorer: "exact_match",
      scorers: {
        exact_match: { overall: agg(0.5), clustered: null, by_subset: [] },
        judge: { overall: { ...agg(3.2), method: "t" }, clustered: null, by_subset: [], histogram: [{ lo: 1, hi: 5, count: 4 }] },
      },
      stats: {
        secondsPerTask: { median: 0.4, mean: 0.4, min: 0, max: 1, histogram: bins },
        responseLength: { median: 2, mean: 2, min: 2, max: 2, histogram: [{ lo: 2, hi: 2, count: 4 }] },
      },
    } as unknown as RunSummary;
    expect(distributionsOf(summary)).toEqual([
      {
        title: "Latency per task",
        bars: [
          { lo: 0, label: "0.00 s–0.50 s", count: 3 },
          { lo: 0.5, label: "0.50 s–1.00 s", count: 1 },
        ],
      },
      { title: "Response length (characters)", bars: [{ lo: 2, label: "2", count: 4 }] },
      { title: "Scores: judge", bars: [{ lo: 1, label: "1–5", count: 4 }] },
    ]);
    expect(distributionsOf({ primary_scorer: null, scorers: {} })).toEqual([]);
  });
});
