import { describe, expect, it } from "vitest";
import { fromZodIssues } from "@/lib/benchmarks/row-issue";
import { MAX_INPUT_CHARS, Task } from "@/lib/benchmarks/task";

const issueTypes = (draft: unknown) => {
  const parsed = Task.safeParse(draft);
  return parsed.success ? [] : fromZodIssues(parsed.error.issues).map((i) => `${i.field}:${i.type}`);
};

describe("Task schema", () => {
  it("fills defaults for tags, redacted and metadata", () => {
    expect(Task.parse({ type: "qa", input: "2+2?", truth: "4" })).toEqual({
      type: "qa",
      input: "2+2?",
      truth: "4",
      tags: [],
      redacted: false,
      metadata: {},
    });
  });

  it("accepts chat messages as input and rejects unknown roles", () => {
    expect(issueTypes({ type: "qa", input: [{ role: "user", content: "hi" }], truth: "x" })).toEqual([]);
    expect(issueTypes({ type: "qa", input: [{ role: "tool", content: "hi" }], truth: "x" })).toEqual(["input:wrong_type"]);
  });

  it("requires a boolean truth for bool tasks", () => {
    expect(issueTypes({ type: "bool", input: "Sky is blue?", truth: true })).toEqual([]);
    expect(issueTypes({ type: "bool", input: "Sky is blue?", truth: "true" })).toEqual(["truth:wrong_type"]);
  });

  it("requires choices for MCQ and allows them only there", () => {
    expect(issueTypes({ type: "MCQ", input: "Pick", truth: ["a"] })).toEqual(["choices:missing_field"]);
    const choices = { correct: ["a"], incorrect: ["b"] };
    expect(issueTypes({ type: "MCQ", input: "Pick", truth: ["a"], choices })).toEqual([]);
    expect(issueTypes({ type: "qa", input: "Pick", truth: "a", choices })).toEqual(["choices:invalid_value"]);
  });

  it("caps MCQ choices at 10 correct and 20 incorrect", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
    expect(issueTypes({ type: "MCQ", input: "q", truth: null, choices: { correct: many(11), incorrect: [] } })).toEqual([
      "choices.correct:too_long",
    ]);
    expect(issueTypes({ type: "MCQ", input: "q", truth: null, choices: { correct: ["a"], incorrect: many(21) } })).toEqual([
      "choices.incorrect:too_long",
    ]);
  });

  it("requires json tasks to have a schema, a schema reference or an expected value", () => {
    expect(issueTypes({ type: "json", input: "q", truth: null })).toEqual(["truth:missing_field"]);
    expect(issueTypes({ type: "json", input: "q", truth: null, json_schema_ref: "person" })).toEqual([]);
    expect(issueTypes({ type: "json", input: "q", truth: { name: "Ada" } })).toEqual([]);
  });

  it("requires a non-empty truth for qa and FRQ unless the task is not runnable", () => {
    expect(issueTypes({ type: "qa", input: "q", truth: "  " })).toEqual(["truth:missing_field"]);
    expect(issueTypes({ type: "FRQ", input: "q", truth: [] })).toEqual(["truth:missing_field"]);
    expect(issueTypes({ type: "FRQ", input: "q", truth: ["yes", "yep"] })).toEqual([]);
    expect(issueTypes({ type: "qa", input: "q", truth: null, metadata: { runnable: false } })).toEqual([]);
  });

  it("rejects empty and oversized input, and unknown fields", () => {
    expect(issueTypes({ type: "qa", input: " ", truth: "a" })).toEqual(["input:missing_field"]);
    expect(issueTypes({ type: "qa", input: "x".repeat(MAX_INPUT_CHARS + 1), truth: "a" })).toContain("input:too_long");
    expect(issueTypes({ type: "qa", input: "q", truth: "a", answer: "a" })).toEqual(["answer:unknown_field"]);
  });
});
