import { describe, expect, it } from "vitest";
import { normalizeText, parseNumber } from "@/lib/scoring/normalize";
import { runScorerSync } from "@/lib/scoring/registry";
import { tokenF1 } from "@/lib/scoring/scorers/token-f1";
import { ctx } from "./factories";

describe("normalizeText", () => {
  it("applies case and whitespace by default, punctuation and articles on request", () => {
    expect(normalizeText("  The  Cat\tsat ")).toBe("the cat sat");
    const all = { ignore_case: true, collapse_whitespace: true, strip_punctuation: true, strip_articles: true };
    expect(normalizeText("The cat's hat, a red one!", all)).toBe("cats hat red one");
  });
});

describe("parseNumber", () => {
  it.each([
    ["1000", 1000],
    ["1,000", 1000],
    ["1000.0", 1000],
    ["$1,000", 1000],
    ["-$1,234.50", -1234.5],
    ["72.", 72],
    ["50%", 50],
    ["1 000", 1000],
    ["1e3", 1000],
    ["**42**", 42],
  ])("reads %s as %d", (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });

  it.each(["abc", "1,00", "12 apples", ""])("rejects %j", (text) => {
    expect(parseNumber(text)).toBeNull();
  });
});

describe("exact_match", () => {
  it("ignores case and whitespace by default", () => {
    expect(runScorerSync("exact_match", ctx("  paris ")).pass).toBe(true);
    expect(runScorerSync("exact_match", ctx("Paris.")).pass).toBe(false);
  });

  it("accepts any of a list of answers and answer paraphrases", () => {
    const draft = { truth: ["NYC", "New York City"], answer_paraphrases: ["the Big Apple"] };
    expect(runScorerSync("exact_match", ctx("new york city", draft)).pass).toBe(true);
    expect(runScorerSync("exact_match", ctx("The Big Apple", draft)).pass).toBe(true);
  });

  it("strips punctuation and articles when asked", () => {
    const params = { normalization: { strip_punctuation: true, strip_articles: true } };
    expect(runScorerSync("exact_match", ctx("The Paris!"), params)).toMatchObject({ value: 1, pass: true });
  });

  it("can be case-sensitive", () => {
    expect(runScorerSync("exact_match", ctx("paris"), { normalization: { ignore_case: false } }).pass).toBe(false);
  });

  it("grades the parsing stage's output when there is one", () => {
    expect(runScorerSync("exact_match", ctx("I think it is Paris", {}, { parsed: "Paris" })).pass).toBe(true);
  });

  it("rejects unknown params", () => {
    expect(() => runScorerSync("exact_match", ctx("x"), { normalise: {} })).toThrow();
  });
});

describe("contains and subset_of", () => {
  it("contains passes when any acceptable answer appears", () => {
    expect(runScorerSync("contains", ctx("I believe it is PARIS, of course")).pass).toBe(true);
    expect(runScorerSync("contains", ctx("Lyon")).pass).toBe(false);
  });

  it("contains can require all answers", () => {
    const draft = { truth: ["red", "blue"] };
    expect(runScorerSync("contains", ctx("red and green", draft), { require_all: true }).pass).toBe(false);
    expect(runScorerSync("contains", ctx("blue, red", draft), { require_all: true }).pass).toBe(true);
  });

  it("subset_of passes when every listed item is acceptable", () => {
    const draft = { truth: ["red", "green", "blue"] };
    expect(runScorerSync("subset_of", ctx("Red, blue and green.", draft)).pass).toBe(true);
    expect(runScorerSync("subset_of", ctx("red, yellow", draft))).toMatchObject({ pass: false, explanation: "not acceptable: yellow" });
    expect(runScorerSync("subset_of", ctx("", draft)).pass).toBe(false);
  });
});

describe("regex_parser", () => {
  const gsm8k = { truth: "Natalia sold 48/2 = 24 clips in May.\n#### 72" };
  const params = { parsing_regexes: [String.raw`A:\s*\$?([-\d.,]+)`], truth_regex: String.raw`####\s*(.+)` };

  it("extracts with group 1 and compares numbers after normalisation", () => {
    for (const response of ["A: 72", "So A: 72.0", "A: $72", "Reasoning...\nA: 72."]) {
      expect(runScorerSync("regex_parser", ctx(response, gsm8k), params)).toMatchObject({
        pass: true,
        answer: expect.stringMatching(/72/),
      });
    }
    expect(runScorerSync("regex_parser", ctx("A: 73", gsm8k), params).pass).toBe(false);
  });

  it("treats 1,000 = 1000 = 1000.0", () => {
    const task = { truth: "1,000" };
    const p = { parsing_regexes: [String.raw`answer is (\S+)`] };
    for (const r of ["The answer is 1000", "The answer is 1000.0", "The answer is $1,000"]) {
      expect(runScorerSync("regex_parser", ctx(r, task), p).pass).toBe(true);
    }
  });

  it("lets the first matching regex win and falls back to the whole match", () => {
    const p = { parsing_regexes: [String.raw`Final: (\w+)`, String.raw`\bParis\b`] };
    expect(runScorerSync("regex_parser", ctx("Final: Lyon. Paris is wrong."), p)).toMatchObject({ pass: false, answer: "Lyon" });
    expect(runScorerSync("regex_parser", ctx("It is Paris."), p)).toMatchObject({ pass: true, answer: "Paris" });
  });

  it("fails without a match and rejects invalid regexes", () => {
    expect(runScorerSync("regex_parser", ctx("no answer"), params)).toMatchObject({
      pass: false,
      explanation: expect.stringMatching(/no parsing regex/),
    });
    expect(() => runScorerSync("regex_parser", ctx("x"), { parsing_regexes: ["(unclosed"] })).toThrow(/valid regular expression/);
  });
});

describe("token_f1", () => {
  // References from the official SQuAD v1.1 evaluation logic re-typed in python3
  // (normalize_answer: lower, drop string.punctuation, drop a/an/the, split; Counter overlap).
  it.each([
    ["The Eiffel Tower, in Paris", "Eiffel Tower", 0.6666666666666666],
    ["Denver Broncos", "The Denver Broncos!", 1],
    ["it was the cat and the cat", "cat cat dog", 0.5],
    ["nothing", "something", 0],
    ["", "", 1],
  ])("F1(%j, %j) = %f", (prediction, truth, expected) => {
    expect(tokenF1(prediction, truth)).toBeCloseTo(expected, 12);
  });

  it("takes the best acceptable answer and applies an optional threshold", () => {
    const draft = { truth: ["cat cat dog", "the cat"] };
    expect(runScorerSync("token_f1", ctx("a cat", draft)).value).toBe(1);
    expect(runScorerSync("token_f1", ctx("dog", draft), { pass_threshold: 0.6 })).toMatchObject({ value: 0.5, pass: false });
  });
});
