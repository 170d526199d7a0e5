import { describe, expect, it } from "vitest";
import { renderPrompt } from "@/lib/benchmarks/render";
import { defaultStage } from "@/lib/prompts/defaults";
import { MAX_OUTPUT_CHARS, MAX_SOURCE_CHARS } from "@/lib/prompts/limits";
import { renderTemplate } from "@/lib/prompts/liquid";
import { contextFor, makeTask, mcqTask } from "./factories";

describe("renderTemplate", () => {
  it("renders variables and filters", async () => {
    const context = contextFor("prompt", makeTask({ subset: "geo", metadata: { level: 2 } }));
    const result = await renderTemplate(
      "prompt",
      "[{{ task.subset | upcase }}/{{ task.metadata.level }}] {{ task.text }} {{ missing }}|",
      context,
    );
    expect(result).toEqual({ ok: true, value: "[GEO/2] What is the capital of France? |" });
  });

  it("never shows the truth or the key to prompt stages", async () => {
    const context = contextFor("prompt", mcqTask());
    expect(context).not.toHaveProperty("correct");
    expect(context.task).not.toHaveProperty("truth");
    expect(await renderTemplate("prompt", "{{ task.truth }}{{ correct }}", context)).toEqual({ ok: true, value: "" });
  });

  it("reports syntax errors with line and column", async () => {
    const unknownFilter = await renderTemplate("prompt", "Hello\n  {{ task.text | shout }}", {});
    expect(unknownFilter).toEqual({
      ok: false,
      error: expect.objectContaining({ message: "undefined filter: shout", line: 2, column: 3, code: "ParseError" }),
    });
    const unclosed = await renderTemplate("system_prompt", "ok\n{% if task.subset %}\nmath", {});
    expect(unclosed).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not closed/), line: 2, column: 1 } });
  });

  it("has no file system: include, render and layout do not exist", async () => {
    for (const source of ["{% include 'secrets' %}", "{% render '/etc/passwd' %}", "{% layout 'x' %}"]) {
      const result = await renderTemplate("prompt", source, {});
      expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/tag ".+" not found/) } });
    }
  });

  it("reads own properties only", async () => {
    const result = await renderTemplate(
      "prompt",
      "{{ task.constructor }}{{ task.text.constructor.name }}{{ task.__proto__ }}",
      contextFor("prompt", makeTask()),
    );
    expect(result).toEqual({ ok: true, value: "" });
  });

  it("stops runaway loops and huge allocations", async () => {
    const loops = "{% for i in (1..1000) %}{% for j in (1..1000) %}{% for k in (1..1000) %}x{% endfor %}{% endfor %}{% endfor %}";
    expect(await renderTemplate("prompt", loops, {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/limit exceeded/) },
    });
    const range = "{% for i in (1..100000000) %}{{ i }}{% endfor %}";
    expect(await renderTemplate("prompt", range, {})).toMatchObject({ ok: false, error: { message: "memory alloc limit exceeded" } });
  });

  it("limits source and output size", async () => {
    expect(await renderTemplate("prompt", "x".repeat(MAX_SOURCE_CHARS + 1), {})).toMatchObject({ ok: false, error: { code: "too_long" } });
    const big = await renderTemplate("prompt", "{{ text }}{{ text }}", { text: "y".repeat(MAX_OUTPUT_CHARS) });
    expect(big).toMatchObject({ ok: false, error: { message: expect.stringMatching(/prompt output is 400000 characters/) } });
  });
});

describe("default templates", () => {
  it("MCQ: question, lettered choices in the run's order, letter-only instruction", async () => {
    const task = mcqTask();
    const rendered = renderPrompt(task, 1);
    const result = await renderTemplate("prompt", defaultStage("prompt", "MCQ"), contextFor("prompt", task));
    const list = (rendered.choices ?? []).map((c) => `${c.letter}. ${c.text}`).join("\n");
    expect(result).toEqual({ ok: true, value: `Which is a prime?\n\n${list}\n\nAnswer with the letter only.` });
  });

  it("bool, json, FRQ and qa", async () => {
    const bool = makeTask({ type: "bool", input: "Is water wet?", truth: true });
    expect(await renderTemplate("prompt", defaultStage("prompt", "bool"), contextFor("prompt", bool))).toEqual({
      ok: true,
      value: "Is water wet?\n\nAnswer true or false.",
    });
    const schema = { type: "object", properties: { n: { type: "integer" } } };
    const json = makeTask({ type: "json", input: "Give n.", truth: null, json_schema: schema });
    const jsonPrompt = await renderTemplate("prompt", defaultStage("prompt", "json"), contextFor("prompt", json));
    expect(jsonPrompt).toEqual({
      ok: true,
      value: `Give n.\n\nThe answer must match this JSON Schema:\n${JSON.stringify(schema)}\n\nAnswer with JSON only.`,
    });
    const plainJson = makeTask({ type: "json", input: "Give n.", truth: { n: 1 } });
    expect(await renderTemplate("prompt", defaultStage("prompt", "json"), contextFor("prompt", plainJson))).toEqual({
      ok: true,
      value: "Give n.\n\nAnswer with JSON only.",
    });
    for (const type of ["FRQ", "qa"] as const) {
      const task = makeTask({ type, input: "Name a pod animal.", truth: "whale" });
      expect(await renderTemplate("prompt", defaultStage("prompt", type), contextFor("prompt", task))).toEqual({
        ok: true,
        value: "Name a pod animal.",
      });
    }
  });

  it("system prompt defaults to the task's own system prompt", async () => {
    const task = makeTask({ system_prompt: "Be brief." });
    expect(await renderTemplate("system_prompt", defaultStage("system_prompt", "qa"), contextFor("system_prompt", task))).toEqual({
      ok: true,
      value: "Be brief.",
    });
  });

  it("uses the paraphrase the renderer chose", () => {
    const task = makeTask({ paraphrases: ["Name France's capital."] });
    expect(contextFor("prompt", task).task.text).toBe("Name France's capital.");
  });
});
