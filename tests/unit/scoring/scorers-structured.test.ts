import { describe, expect, it } from "vitest";
import { runScorerSync } from "@/lib/scoring/registry";
import { parseBoolean } from "@/lib/scoring/scorers/boolean";
import { extractLetter } from "@/lib/scoring/scorers/mcq-letter";
import { ctx, mcqCtx } from "./factories";

const ABCD = new Set(["A", "B", "C", "D"]);

describe("mcq_letter", () => {
  it.each([
    ["B", "B"],
    ["(B)", "B"],
    ["b", "B"],
    ["B.", "B"],
    ["Answer: B", "B"],
    ["The answer is B.", "B"],
    ["The correct answer is (C) because…", "C"],
    ["**Answer:** D", "D"],
    ["C) 22", "C"],
    ["I pick (A) here", "A"],
    ["The answer is a bit unclear", null],
    ["I don't know", null],
    ["E", null],
  ])("reads %j as %s", (text, letter) => {
    expect(extractLetter(text, ABCD)).toBe(letter);
  });

  it("compares with the shuffled key from renderPrompt", () => {
    const right = mcqCtx("");
    expect(runScorerSync("mcq_letter", { ...right, response: `Answer: ${right.correct}` })).toMatchObject({
      value: 1,
      pass: true,
      answer: right.correct,
    });
    const wrong = [...ABCD].find((l) => l !== right.correct);
    expect(runScorerSync("mcq_letter", { ...right, response: `${wrong}` }).pass).toBe(false);
  });

  it("reports an error rather than failing silently without a key", () => {
    expect(runScorerSync("mcq_letter", { ...mcqCtx("A"), correctLetters: [] }).error).toMatch(/correct letters/);
  });

  it("compares letter sets in set mode", () => {
    const base = { ...mcqCtx(""), correctLetters: ["A", "C"] };
    expect(runScorerSync("mcq_letter", { ...base, response: "The answers are C and A" }, { mode: "set" }).pass).toBe(true);
    expect(runScorerSync("mcq_letter", { ...base, response: "A" }, { mode: "set" }).pass).toBe(false);
  });
});

describe("boolean", () => {
  it.each([
    ["True", true],
    ["yes.", true],
    ["**No**, because", false],
    ["FALSE", false],
    ["The answer is: true", true],
    ["Correct!", true],
    ["maybe", null],
  ])("reads %j as %s", (text, value) => {
    expect(parseBoolean(text)).toBe(value);
  });

  it("compares with the bool truth", () => {
    expect(runScorerSync("boolean", ctx("Yes", { type: "bool", truth: true }))).toMatchObject({ value: 1, pass: true });
    expect(runScorerSync("boolean", ctx("false", { type: "bool", truth: true })).pass).toBe(false);
    expect(runScorerSync("boolean", ctx("dunno", { type: "bool", truth: false })).pass).toBe(false);
  });
});

describe("json", () => {
  const schema = {
    type: "object",
    required: ["name", "age"],
    properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 }, email: { type: "string", format: "email" } },
  };
  const draft = { type: "json" as const, truth: { name: "Ada" }, json_schema: schema };

  it("accepts plain JSON and JSON in a ```json fence", () => {
    expect(runScorerSync("json", ctx('{"name":"Ada","age":36}', draft)).pass).toBe(true);
    expect(runScorerSync("json", ctx('Here you go:\n```json\n{"name": "Ada", "age": 36, "extra": 1}\n```', draft)).pass).toBe(true);
    expect(runScorerSync("json", ctx('Sure! {"name": "Ada", "age": 36} Hope that helps', draft)).pass).toBe(true);
  });

  it("reports schema violations via ajv, including formats", () => {
    const result = runScorerSync("json", ctx('{"name":"Ada","age":-1,"email":"nope"}', draft));
    expect(result.pass).toBe(false);
    expect(result.explanation).toMatch(/\/age must be >= 0/);
    expect(result.explanation).toMatch(/\/email must match format "email"/);
  });

  it("requires expected values as a deep subset", () => {
    expect(runScorerSync("json", ctx('{"name":"Bob","age":3}', draft)).explanation).toMatch(/\$\.name: expected "Ada", got "Bob"/);
    const nested = { type: "json" as const, truth: { a: [1, { b: 2 }] } };
    expect(runScorerSync("json", ctx('{"a":[1,{"b":2,"c":3}],"z":0}', nested)).pass).toBe(true);
    expect(runScorerSync("json", ctx('{"a":[1,{"b":2}]}', nested), { exact: true }).pass).toBe(true);
    expect(runScorerSync("json", ctx('{"a":[1]}', nested)).pass).toBe(false);
  });

  it("fails invalid JSON with the parser's message and flags a broken schema as an error", () => {
    expect(runScorerSync("json", ctx("{name: Ada}", draft))).toMatchObject({ pass: false, explanation: expect.stringMatching(/not JSON/) });
    const broken = { type: "json" as const, truth: null, json_schema: { type: "nonsense" } };
    expect(runScorerSync("json", ctx("{}", broken)).error).toMatch(/invalid JSON schema/);
  });
});

describe("numeric", () => {
  const draft = { truth: "3.14159" };

  it("applies absolute and relative tolerances", () => {
    expect(runScorerSync("numeric", ctx("3.14", draft)).pass).toBe(false);
    expect(runScorerSync("numeric", ctx("3.14", draft), { absolute_tolerance: 0.01 }).pass).toBe(true);
    expect(runScorerSync("numeric", ctx("3.1", draft), { relative_tolerance: 0.02 }).pass).toBe(true);
  });

  it("reads the last number of a sentence by default", () => {
    expect(runScorerSync("numeric", ctx("Of the 3 options, the total is $1,250.", { truth: "1250" }))).toMatchObject({
      pass: true,
      answer: "1250",
    });
    expect(runScorerSync("numeric", ctx("no digits", draft)).pass).toBe(false);
  });
});
