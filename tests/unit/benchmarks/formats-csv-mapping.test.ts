import { describe, expect, it } from "vitest";
import { type CsvMapping, checkMapping, csvMapper } from "@/lib/benchmarks/formats/csv-mapping";
import { types } from "./helpers";

const header = [
  "Type",
  "Question",
  "Paraphrase",
  "Right",
  "Also right",
  "Wrong",
  "Wrong 2",
  "Bool",
  "Schema",
  "Expected",
  "Hidden",
  "Tags",
  "Topic",
];
const mapping: CsvMapping = {
  question: "Question",
  type: "Type",
  default_type: "MCQ",
  paraphrases: ["Paraphrase"],
  mcq_correct: ["Right", "Also right"],
  mcq_incorrect: ["Wrong", "Wrong 2"],
  frq_correct: ["Right", "Also right"],
  frq_incorrect: ["Wrong"],
  bool_correct: "Bool",
  json_schema: "Schema",
  json_expected: "Expected",
  redacted: "Hidden",
  tags: "Tags",
  subset: "Topic",
  schema_refs: { person: { type: "object", required: ["name"] } },
};
const map = csvMapper(mapping, header);
const row = (cells: Partial<Record<(typeof header)[number], string>>) => Object.fromEntries(header.map((h) => [h, cells[h] ?? ""]));

describe("csvMapper", () => {
  it("maps an MCQ row with paraphrase, tags, subset and default type", () => {
    const { task, errors } = map(
      row({ Question: "2+2?", Paraphrase: "Two plus two?", Right: "4", Wrong: "5", "Wrong 2": "22", Tags: "math, easy", Topic: "arith" }),
      2,
    );
    expect(errors).toEqual([]);
    expect(task).toEqual({
      type: "MCQ",
      input: "2+2?",
      truth: ["4"],
      choices: { correct: ["4"], incorrect: ["5", "22"] },
      paraphrases: ["Two plus two?"],
      subset: "arith",
      tags: ["math", "easy"],
      redacted: false,
      metadata: {},
    });
  });

  it("needs a correct answer for MCQ and warns when no incorrect one is given", () => {
    expect(types(map(row({ Question: "q", Wrong: "x" }), 2).errors)).toEqual(["missing_field"]);
    const { task, errors } = map(row({ Question: "q", Right: "x" }), 2);
    expect(task?.choices).toEqual({ correct: ["x"], incorrect: [] });
    expect(errors).toMatchObject([{ level: "warning", type: "no_incorrect_choices" }]);
  });

  it.each([
    ["1", true],
    ["TrUe", true],
    ["yes", true],
    ["0", false],
    ["FALSE", false],
    ["No", false],
  ])("reads bool_correct %s as %s", (cell, truth) => {
    expect(map(row({ Type: "bool", Question: "q", Bool: cell }), 2).task?.truth).toBe(truth);
  });

  it("rejects other bool values and unknown type cells", () => {
    expect(types(map(row({ Type: "bool", Question: "q", Bool: "maybe" }), 2).errors)).toEqual(["invalid_value"]);
    expect(map(row({ Type: "essay", Question: "q" }), 2).errors[0]).toMatchObject({ type: "invalid_value", field: "Type" });
  });

  it("maps FRQ rows to accepted answers plus positive and negative examples", () => {
    const { task } = map(row({ Type: "frq", Question: "Say hi", Right: "hi", "Also right": "hello", Wrong: "bye" }), 2);
    expect(task).toMatchObject({ type: "FRQ", truth: ["hi", "hello"], examples: { positive: ["hi", "hello"], negative: ["bye"] } });
  });

  it("resolves a named schema, parses an inline schema and expected JSON", () => {
    expect(map(row({ Type: "json", Question: "q", Schema: "person" }), 2).task).toMatchObject({
      json_schema_ref: "person",
      json_schema: { type: "object", required: ["name"] },
      truth: null,
    });
    expect(map(row({ Type: "JSON", Question: "q", Schema: '{"type":"array"}', Expected: "[1]" }), 2).task).toMatchObject({
      json_schema: { type: "array" },
      truth: [1],
    });
  });

  it("reports bad JSON and unknown schema names", () => {
    expect(types(map(row({ Type: "json", Question: "q", Expected: "{oops" }), 2).errors)).toEqual(["invalid_json"]);
    const unknown = map(row({ Type: "json", Question: "q", Schema: "animal" }), 2).errors;
    expect(unknown[0]).toMatchObject({ type: "unknown_schema_ref", message: expect.stringContaining("known: person") });
  });

  it("marks rows redacted when the redacted cell is non-empty and not 0/false/no", () => {
    const base = { Question: "q", Right: "a", Wrong: "b" };
    expect(map(row({ ...base, Hidden: "x" }), 2).task?.redacted).toBe(true);
    expect(map(row({ ...base, Hidden: "no" }), 2).task?.redacted).toBe(false);
    expect(map(row(base), 2).task?.redacted).toBe(false);
  });

  it("keeps only the first 10 correct choices, with a warning", () => {
    const cols = Array.from({ length: 12 }, (_, i) => `c${i}`);
    const wide = csvMapper({ question: "q", default_type: "MCQ", mcq_correct: cols }, ["q", ...cols]);
    const { task, errors } = wide(Object.fromEntries([["q", "q"], ...cols.map((c) => [c, c])]), 2);
    expect(task?.choices?.correct).toHaveLength(10);
    expect(errors).toMatchObject([{ level: "warning", type: "truncated" }, { type: "no_incorrect_choices" }]);
  });

  it("reads qa truth from the answer column", () => {
    const qa = csvMapper({ question: "q", answer: "a", default_type: "qa" }, ["q", "a"]);
    expect(qa({ q: "2+2", a: "4" }, 2).task).toMatchObject({ type: "qa", truth: "4" });
    expect(types(qa({ q: "2+2", a: "" }, 2).errors)).toEqual(["missing_field"]);
  });
});

describe("mapping against the header", () => {
  it("names each unknown column and where the mapping uses it", () => {
    const issues = checkMapping({ question: "Question", default_type: "MCQ", mcq_correct: ["Right", "Rihgt"] }, ["Question", "Right"]);
    expect(issues).toEqual([
      expect.objectContaining({ type: "unknown_column", field: "mcq_correct.1", message: expect.stringContaining('"Rihgt"') }),
    ]);
  });

  it("throws a file error for an unknown column or an invalid mapping", () => {
    expect(() => csvMapper({ question: "Qestion", default_type: "qa" }, ["Question"])).toThrow(/mapping question names column "Qestion"/);
    expect(() => csvMapper({ question: "Question", default_type: "essay" } as never, ["Question"])).toThrow(/Invalid column mapping/);
  });
});
