import { describe, expect, it } from "vitest";
import { runScorer, runScorerSync, SCORER_NAMES } from "@/lib/scoring/registry";
import { parseJudgeVerdict, LlmJudgeParams } from "@/lib/scoring/scorers/llm-judge";
import { countSyllables, fleschReadingEase } from "@/lib/scoring/scorers/readability";
import { ctx, mcqCtx } from "./factories";

describe("response_length", () => {
  it("counts characters (code points) and words", () => {
    expect(runScorerSync("response_length", ctx("Hello, wörld — it's 2 o'clock 🙂"))).toMatchObject({ value: 31 });
    expect(runScorerSync("response_length", ctx("Hello, wörld — it's 2 o'clock"), { unit: "words" }).value).toBe(5);
  });
});

describe("readability", () => {
  it("counts syllables with the vowel-group heuristic", () => {
    expect(["cat", "happy", "education", "important", "table", "make"].map(countSyllables)).toEqual([1, 2, 4, 3, 2, 1]);
  });

  it("computes Flesch reading ease (hand-worked)", () => {
    // 6 words, 1 sentence, 6 syllables: 206.835 − 1.015·6 − 84.6·1 = 116.145
    expect(fleschReadingEase("The cat sat on the mat.")?.score).toBeCloseTo(116.145, 10);
    // 9 words, 2 sentences, 10 syllables (hap·py): 206.835 − 1.015·4.5 − 84.6·10/9 = 108.2675
    expect(fleschReadingEase("The cat sat on the mat. It was happy.")).toMatchObject({ words: 9, sentences: 2, syllables: 10 });
    expect(fleschReadingEase("The cat sat on the mat. It was happy.")?.score).toBeCloseTo(108.2675, 10);
    expect(runScorerSync("readability", ctx("…")).error).toMatch(/no words/);
  });
});

describe("refusal", () => {
  it.each([
    "I can't help with that request.",
    "I’m sorry, but I cannot assist with this.",
    "As an AI language model, I don't have opinions.",
    "I must decline.",
    "I'm not able to share that.",
  ])("flags %j", (text) => {
    expect(runScorerSync("refusal", ctx(text)).value).toBe(true);
  });

  it("does not flag answers, and accepts extra patterns", () => {
    expect(runScorerSync("refusal", ctx("Paris is the capital of France.")).value).toBe(false);
    expect(runScorerSync("refusal", ctx("Nope, not doing it"), { extra_patterns: ["not doing it"] }).value).toBe(true);
  });
});

describe("parseJudgeVerdict", () => {
  const params = LlmJudgeParams.parse({ judge_model_id: "judge", prompt_template: "Grade {{ response }}", scale: { min: 1, max: 5 } });

  it("takes the last score and keeps the rationale", () => {
    const verdict = parseJudgeVerdict("The answer is accurate but terse.\nScore: 4", params);
    expect(verdict).toEqual({ score: 4, normalized: 0.75, rationale: "The answer is accurate but terse.\nScore: 4" });
    expect(parseJudgeVerdict("Rating: **3**/5", params).score).toBe(3);
  });

  it("reports a missing or out-of-scale score", () => {
    expect(parseJudgeVerdict("Looks fine", params).error).toMatch(/no score/);
    expect(parseJudgeVerdict("Score: 9", params)).toMatchObject({ score: null, error: expect.stringMatching(/outside the scale/) });
  });

  it("validates params", () => {
    expect(() => LlmJudgeParams.parse({ judge_model_id: "j", prompt_template: "x", scale: { min: 5, max: 1 } })).toThrow(/scale.max/);
  });
});

describe("registry", () => {
  it("lists every pure scorer", () => {
    expect(SCORER_NAMES).toEqual(
      expect.arrayContaining([
        "exact_match",
        "contains",
        "subset_of",
        "regex_parser",
        "mcq_letter",
        "boolean",
        "json",
        "numeric",
        "token_f1",
        "expression",
        "response_length",
        "readability",
        "refusal",
      ]),
    );
  });

  it("runs the JSONata expression grader", async () => {
    const mcq = mcqCtx("");
    const graded = await runScorer("expression", { ...mcq, parsed: mcq.correct }, { expression: "parsed in correct" });
    expect(graded).toEqual({ value: 1, pass: true });
    const numeric = await runScorer("expression", ctx("Paris"), { expression: '{"value": $length(response) / 10, "explanation": "len"}' });
    expect(numeric).toEqual({ value: 0.5, explanation: "len" });
    const broken = await runScorer("expression", ctx("Paris"), { expression: "response = " });
    expect(broken.error).toMatch(/grading expression failed: .*line 1, column/);
  });
});
