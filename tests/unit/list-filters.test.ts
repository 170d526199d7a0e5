import { describe, expect, it } from "vitest";
import { parseFilters as parseBenchmarkFilters } from "@/components/benchmarks/filters";
import { parseFilters as parseModelFilters } from "@/components/models/filters";
import { parseRunFilters } from "@/components/runs/filters";
import { parsePage, parseSearch } from "@/lib/validation/search-params";
import { ListTasks } from "@/lib/validation/benchmarks";

const RUN_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

describe("list pages' URL filters, read with the API's list schemas", () => {
  it("reads the runs filters with ListRuns, under the page's model= and benchmark= names", () => {
    expect(parseRunFilters({ status: "in_progress", model: RUN_ID, benchmark: "not-a-uuid", page: "3" })).toEqual({
      status: "in_progress",
      model_id: RUN_ID,
      tags: [],
      page: 3,
    });
    expect(parseRunFilters({ status: "running", model_id: RUN_ID, page: "0" })).toEqual({ tags: [], page: 1 });
    expect(parseRunFilters({ tag: "nightly, eu" })).toEqual({ tags: ["nightly", "eu"], page: 1 });
  });

  it("drops only the bad filter, trims like the API and splits comma lists", () => {
    expect(parseBenchmarkFilters({ q: "  math ", task_type: "essay", categories: "a, b,,", tag: "x,y", in_project: "true" })).toEqual({
      q: "math",
      type: undefined,
      task_type: undefined,
      categories: ["a", "b"],
      languages: [],
      in_project: "true",
      tags: ["x", "y"],
      page: 1,
    });
    // The API caps names at 256 characters: a longer search is ignored rather than failing the page.
    expect(parseModelFilters({ q: "x".repeat(300), type: ["custom", "public"], companies: ["Acme", "Zed"] })).toMatchObject({
      q: undefined,
      type: "custom",
      companies: ["Acme", "Zed"],
    });
  });

  it("treats blank form fields as unset and the first of repeated scalar keys as the value", () => {
    expect(parseSearch(ListTasks, { q: "", subset: "   ", type: ["MCQ", "bool"], redacted: "maybe" })).toEqual({ type: "MCQ" });
    expect(parsePage({ page: ["2", "5"] })).toBe(2);
    expect(parsePage({ page: "abc" })).toBe(1);
  });
});
