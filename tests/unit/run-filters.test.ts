import { describe, expect, it } from "vitest";
import { hasRunFilters, parseRunFilters, runFiltersHref } from "@/components/runs/filters";

describe("run list filters", () => {
  it("reads tags from ?tag= and keeps them in every link, including pagination", () => {
    const filters = parseRunFilters({ tag: "nightly, prod", status: "completed" });
    expect(filters.tags).toEqual(["nightly", "prod"]);
    expect(hasRunFilters(filters)).toBe(true);
    expect(runFiltersHref("/p/runs", filters, { page: 2 })).toBe("/p/runs?status=completed&tag=nightly%2Cprod&page=2");
  });

  it("drops an invalid tag list instead of failing the page", () => {
    const tooMany = Array.from({ length: 11 }, (_, i) => `t${i}`).join(",");
    expect(parseRunFilters({ tag: tooMany }).tags).toEqual([]);
    expect(hasRunFilters(parseRunFilters({ tag: "" }))).toBe(false);
  });
});
