import { describe, expect, it } from "vitest";
import { extractTruth, FieldMapping, fieldMapper } from "@/lib/benchmarks/formats/field-mapping";
import { getPath } from "@/lib/benchmarks/formats/fields";
import { LinearRegExp } from "@/lib/linear-regex";
import { types } from "./helpers";

const GSM8K = "####\\s*([^\\n]+)$";

describe("fieldMapper", () => {
  it("extracts the GSM8K answer after ####", () => {
    const map = fieldMapper({ input_field: "question", truth_field: "answer", truth_regex: GSM8K });
    const row = { question: "Janet has 3 ducks…", answer: "She has 16 - 3 = <<16-3=13>>13\n#### 13 " };
    expect(map(row, 1).task).toMatchObject({ type: "qa", input: "Janet has 3 ducks…", truth: "13" });
  });

  it("uses the whole match when the regex has no group, and reports no match", () => {
    expect(extractTruth("answer: 42 apples", new LinearRegExp("\\d+"))).toBe("42");
    const map = fieldMapper({ input_field: "q", truth_field: "a", truth_regex: GSM8K });
    expect(map({ q: "x", a: "no marker" }, 1).errors).toEqual([
      { level: "error", type: "truth_regex_no_match", field: "a", message: "truth_regex did not match a" },
    ]);
  });

  it("follows dotted paths, including array indices, but prefers an exact key", () => {
    expect(getPath({ a: { b: [{ c: 1 }] } }, "a.b.0.c")).toBe(1);
    expect(getPath({ "a.b": 2, a: { b: 3 } }, "a.b")).toBe(2);
    const map = fieldMapper({ input_field: "data.prompt", truth_field: "data.labels.0", subset_field: "meta.split" });
    const task = map({ data: { prompt: "p", labels: ["yes"] }, meta: { split: "dev" } }, 1).task;
    expect(task).toMatchObject({ input: "p", truth: "yes", subset: "dev" });
  });

  it("coerces bool and json truths by the mapping type", () => {
    const bool = fieldMapper({ input_field: "q", truth_field: "a", type: "bool" });
    expect(bool({ q: "x", a: "YES" }, 1).task?.truth).toBe(true);
    expect(types(bool({ q: "x", a: "maybe" }, 1).errors)).toEqual(["wrong_type"]);
    const json = fieldMapper({ input_field: "q", truth_field: "a", type: "json" });
    expect(json({ q: "x", a: '{"n":1}' }, 1).task?.truth).toEqual({ n: 1 });
    expect(types(json({ q: "x", a: "{n" }, 1).errors)).toEqual(["invalid_json"]);
  });

  it("reports missing and wrong-typed fields", () => {
    const map = fieldMapper({ input_field: "q", truth_field: "a", truth_regex: GSM8K });
    expect(types(map({ a: "#### 1" }, 1).errors)).toEqual(["missing_field"]);
    expect(types(map({ q: "x", a: 5 }, 1).errors)).toEqual(["wrong_type"]);
    expect(types(map({ q: true, a: "#### 1" }, 1).errors)).toEqual(["wrong_type"]);
  });

  it("rejects invalid regexes and MCQ in the mapping itself", () => {
    expect(FieldMapping.safeParse({ input_field: "q", truth_field: "a", truth_regex: "(" }).success).toBe(false);
    expect(FieldMapping.safeParse({ input_field: "q", truth_field: "a", type: "MCQ" }).success).toBe(false);
  });
});
