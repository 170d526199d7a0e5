import { describe, expect, it } from "vitest";
import { aggregatedResults, scoreRow } from "@/lib/llama-stack/results";
import { purposeOfRow, taskToRow } from "@/lib/llama-stack/rows";
import { IterrowsQuery } from "@/lib/llama-stack/schemas";
import { judgeTemplate, scorerSpec } from "@/lib/llama-stack/scoring-functions";
import { runScorer } from "@/lib/scoring/registry";

describe("Llama Stack scoring functions as Yardstick scorers", () => {
  it("maps the built-ins and their aggregation functions", () => {
    expect(scorerSpec("basic::equality", undefined)).toMatchObject({ type: "exact_match", aggregations: ["accuracy"] });
    expect(scorerSpec("basic::subset_of", { type: "basic", aggregation_functions: ["average", "median"] })).toMatchObject({
      type: "contains",
      aggregations: ["mean", "median"],
    });
    const regex = scorerSpec("basic::regex_parser_math_response", { type: "regex_parser", parsing_regexes: ["= (\\d+)"] });
    expect(regex).toMatchObject({ type: "regex_parser", params: { parsing_regexes: ["= (\\d+)"] } });
  });

  it("needs a judge model for llm-as-judge and turns its placeholders into Liquid", () => {
    expect(() => scorerSpec("llm-as-judge::base", undefined)).toThrow(/judge_model/);
    expect(judgeTemplate("Q {input_query} / {generated_answer} vs {expected_answer}, {{ keep }}")).toBe(
      "Q {{ task.text }} / {{ response }} vs {{ task.truth }}, {{ keep }}",
    );
  });
});

describe("Llama Stack results", () => {
  it("aggregates like Llama Stack, with n and the Wilson interval", () => {
    const rows = [true, true, false].map((pass) => ({ subset: null, pass, value: pass ? 1 : 0 }));
    const out = aggregatedResults(rows, ["accuracy"]);
    // Wilson 95 % for 2/3: [0.2077, 0.9385] (e.g. epitools::binom.wilson(2, 3)).
    expect(out.accuracy).toMatchObject({ accuracy: 2 / 3, num_correct: 2, num_total: 3, n: 3 });
    const ci = out.accuracy?.ci_95 as number[];
    expect(ci[0]).toBeCloseTo(0.2077, 3);
    expect(ci[1]).toBeCloseTo(0.9385, 3);
    expect(scoreRow({ value: 0, pass: false, explanation: "no" })).toEqual({ score: 0, explanation: "no" });
  });

  it("gives Yardstick tasks back as rows, and reads empty query values as absent", () => {
    const task = { type: "qa" as const, input: "2+2?", truth: "4", tags: [], redacted: false, metadata: { source: "x" } };
    expect(taskToRow(task)).toEqual({ input_query: "2+2?", expected_answer: "4", source: "x" });
    expect(purposeOfRow({ chat_completion_input: "[]" })).toBe("eval/messages-answer");
    expect(IterrowsQuery.parse({ limit: "", start_index: "2" })).toEqual({ limit: undefined, start_index: 2 });
  });
});

describe("the regex_parser built-ins on real answers", () => {
  const task = (truth: string) => ({ type: "qa" as const, input: "q", truth, tags: [], redacted: false, metadata: {} });
  const grade = async (fn: string, response: string, truth: string) => {
    const spec = scorerSpec(fn, undefined);
    return (await runScorer("regex_parser", { task: task(truth), response }, spec.params)).pass;
  };

  it("reads a choice letter, not the first letter of a word", async () => {
    expect(await grade("basic::regex_parser_multiple_choice_answer", "I think the answer is (C).", "C")).toBe(true);
    expect(await grade("basic::regex_parser_multiple_choice_answer", "Answer: b", "B")).toBe(true);
    expect(await grade("basic::regex_parser_multiple_choice_answer", "The answer is because of D", "B")).toBe(false);
  });

  it("reads a boxed or stated final answer numerically", async () => {
    expect(await grade("basic::regex_parser_math_response", "so x = \\boxed{12}", "12.0")).toBe(true);
    expect(await grade("basic::regex_parser_math_response", "The answer is 7", "8")).toBe(false);
  });
});
