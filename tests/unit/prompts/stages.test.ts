import { describe, expect, it } from "vitest";
import { renderPrompt } from "@/lib/benchmarks/render";
import { parseResponse, renderSystemPrompt, systemPromptSource } from "@/lib/prompts/stages";
import { INITIAL_CONFIG, toRunConfig } from "@/components/runs/new/types";
import { makeTask, mcqTask } from "./factories";

describe("system prompt stage", () => {
  it("prefers the task type's template, then system_prompt for every type", () => {
    const config = { system_prompt: "Be brief.", system_prompt_templates: { MCQ: "Pick one letter." } };
    expect(systemPromptSource(config, "MCQ")).toBe("Pick one letter.");
    expect(systemPromptSource(config, "qa")).toBe("Be brief.");
    expect(systemPromptSource({ system_prompt_templates: { default: "Hi" } }, "bool")).toBe("Hi");
    expect(systemPromptSource({}, "qa")).toBeUndefined();
  });

  it("renders Liquid with the prompt's context, plain text unchanged, and never the truth", async () => {
    const task = makeTask({ subset: "geo", system_prompt: "Own prompt." });
    const rendered = renderPrompt(task, 0);
    expect(await renderSystemPrompt("Plain text, 100% literal.", task, rendered)).toEqual({ ok: true, value: "Plain text, 100% literal." });
    expect(await renderSystemPrompt("[{{ task.subset }}] {{ task.system_prompt }} {{ task.truth }}|", task, rendered)).toEqual({
      ok: true,
      value: "[geo] Own prompt. |",
    });
  });
});

describe("parsing stage", () => {
  it("evaluates the run's expression on the response, or the task type's default", async () => {
    const task = makeTask({ truth: "42" });
    expect(
      await parseResponse("$match(response, /####\\s*(\\d+)/)[0].groups[0]", task, renderPrompt(task, 0), "so 6 × 7\n#### 42"),
    ).toEqual({ ok: true, value: "42" });
    // The qa default trims the response.
    expect(await parseResponse(undefined, task, undefined, "  Paris \n")).toEqual({ ok: true, value: "Paris" });
    const mcq = mcqTask();
    const letters = await parseResponse("letters", mcq, renderPrompt(mcq, 0), "");
    expect(letters).toEqual({ ok: true, value: ["A", "B", "C", "D"] });
  });

  it("reports a runtime error (here: $eval of text that is not JSON)", async () => {
    const result = await parseResponse("$eval(response)", makeTask(), undefined, "{not json");
    expect(result.ok).toBe(false);
  });
});

describe("the run form's config", () => {
  it("turns stop lines, penalty, stages and scorer params into a RunConfig", () => {
    const { config, errors } = toRunConfig({
      ...INITIAL_CONFIG,
      stop: "###\n\nEND",
      repetition_penalty: "1.1",
      prompt_template: "Q: {{ task.text }}",
      parse_expression: "$trim(response)",
      scorers: [
        { key: 0, type: "numeric", params: '{"tolerance": 0.5}' },
        { key: 1, type: "exact_match", params: "" },
      ],
    });
    expect(errors).toEqual({});
    expect(config.sampling).toMatchObject({ stop: ["###", "END"], repetition_penalty: 1.1 });
    expect(config.prompt_templates).toEqual({ default: "Q: {{ task.text }}" });
    expect(config.parse_expressions).toEqual({ default: "$trim(response)" });
    expect(config.scorers).toEqual([
      { type: "numeric", params: { tolerance: 0.5 } },
      { type: "exact_match", params: {} },
    ]);
  });

  it("names the scorer whose params are not a JSON object", () => {
    const { errors } = toRunConfig({
      ...INITIAL_CONFIG,
      scorers: [
        { key: 0, type: "contains", params: "{oops" },
        { key: 1, type: "regex_parser", params: "[1]" },
      ],
    });
    expect(errors["config.scorers.0.params"]).toMatch(/^Scorer 1 \(contains\) params are not valid JSON/);
    expect(errors["config.scorers.1.params"]).toBe('Scorer 2 (regex_parser) params must be a JSON object, like {"key": "value"}');
  });
});
