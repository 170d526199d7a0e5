import { describe, expect, it } from "vitest";
import type { TaskDraft } from "@/lib/benchmarks/task";
import { simulatedAnswer, wrongAnswer } from "@/lib/providers/simulated";
import { runScorer, SCORER_NAMES, SCORERS } from "@/lib/scoring/registry";
import { ctx } from "./scoring/factories";

// Params for the scorers that need some; the others run with their defaults.
const PARAMS: Record<string, unknown> = {
  regex_parser: { parsing_regexes: [String.raw`(-?\d+(?:\.\d+)?)`, String.raw`(\w+)`], truth_regex: String.raw`(?:####\s*)?(.+)$` },
  expression: { expression: "$lowercase($trim(response)) = $lowercase($string(task.truth))" },
  token_f1: { pass_threshold: 0.5 },
};

const TRUTHS: Partial<TaskDraft>[] = [
  { truth: "11" },
  { truth: "-3" },
  { truth: "9" },
  { truth: "0.5" },
  { truth: "1,000" },
  { truth: "Natalia sold 48 clips in April and half as many in May, 48 + 24 = 72.\n#### 72" },
  { truth: "Paris" },
  { truth: "know" },
  { truth: ["Unknown", "Purple"] },
  { truth: "B" },
  { truth: "yes" },
  { type: "bool", truth: true },
  { type: "bool", truth: false },
  { type: "json", truth: { answer: 42 } },
  { type: "json", truth: null, json_schema: { type: "object", required: ["answer"] } },
];

const graders = SCORER_NAMES.filter((name) => SCORERS[name].kind === "grader" && name !== "mcq_letter");

describe("wrongAnswer", () => {
  it.each(TRUTHS)("fails every scorer for truth %j", async (draft) => {
    const truth = draft.truth;
    const asText = Array.isArray(truth) ? String(truth[0]) : typeof truth === "string" ? truth : JSON.stringify(truth);
    const wrong = wrongAnswer(asText, Array.isArray(truth) ? truth.map(String) : []);
    for (const name of graders) {
      const result = await runScorer(name, ctx(wrong, draft), PARAMS[name] ?? {});
      expect({ name, wrong, pass: result.pass === true }).toEqual({ name, wrong, pass: false });
    }
  });

  it("names another number, another letter, the other boolean and invalid JSON", () => {
    expect(wrongAnswer("11")).toBe("23");
    expect(wrongAnswer("B")).toBe("A");
    expect(wrongAnswer("true")).toBe("false");
    expect(wrongAnswer('{"a":1}')).toBe("{ invalid json");
  });

  it("is what a simulated model without distractors answers when it is wrong", () => {
    const config = { seed: 1, accuracy: 0, latencyMs: { mean: 0, stddev: 0 } };
    expect(simulatedAnswer(config, { key: "k", truth: "11" })).toEqual({ text: "23", correct: false });
  });
});
