import { describe, expect, it } from "vitest";
import { TASK_TYPES } from "@/lib/benchmarks/task";
import { DEFAULT_STAGES } from "@/lib/prompts/defaults";
import { checkTemplate } from "@/lib/prompts/liquid";
import { availableVariables } from "@/lib/prompts/variable-shapes";
import { contextFor, makeTask, mcqTask } from "./factories";

const error = (stage: Parameters<typeof checkTemplate>[0], source: string) => {
  const result = checkTemplate(stage, source);
  return result.ok ? null : result.error;
};

describe("checkTemplate", () => {
  it("rejects an unknown variable, saying where it is and what is available", () => {
    expect(error("prompt", "Question:\n  {{ input }}")).toEqual({
      message: `Unknown variable "input" (line 2, column 6); available: ${availableVariables("prompt").join(", ")}`,
      code: "unknown_variable",
      line: 2,
      column: 6,
    });
    expect(availableVariables("prompt")).toEqual([
      "task.text",
      "task.type",
      "task.subset",
      "task.metadata.…",
      "task.system_prompt",
      "task.schema.…",
      "choices[].letter",
      "choices[].text",
      "letters[]",
    ]);
  });

  it.each([
    "{{ task.txt }}",
    "{{ task.text.foo }}",
    "{{ choices[0].label }}",
    "{{ choices.first.label }}",
    "{{ task.truth }}",
    "{% if correct %}x{% endif %}",
  ])("rejects %s in a prompt template", (source) => {
    expect(error("prompt", source)?.code).toBe("unknown_variable");
  });

  it.each([
    "{{ task.text }} {{ task.metadata.level.deep }} {{ task.schema | json }}",
    "{% for c in choices %}{{ c.letter }}. {{ c.text }}{% endfor %} {{ letters | join: ', ' }}",
    "{{ choices[0].letter }} {{ choices.first.text }} {{ choices.size }} {{ task.text.size }}",
    "{% assign q = task.text | upcase %}{{ q }}",
  ])("accepts %s", (source) => {
    expect(error("prompt", source)).toBeNull();
  });

  it("lets the judge's grading template read the truth and the response", () => {
    expect(error("grading", "{{ task.truth }} {{ response }} {{ parsed.answer }} {{ correct | join }}")).toBeNull();
    expect(availableVariables("grading")).toEqual(expect.arrayContaining(["task.truth.…", "response", "correct[]"]));
  });

  it("reports unknown filters as before", () => {
    expect(error("prompt", "{{ task.text | shout }}")?.message).toBe("undefined filter: shout");
  });

  it("accepts every default template", () => {
    for (const type of TASK_TYPES) {
      expect(error("prompt", DEFAULT_STAGES.prompt[type])).toBeNull();
      expect(error("system_prompt", DEFAULT_STAGES.system_prompt[type])).toBeNull();
    }
  });

  it("lists exactly the variables buildContext provides", () => {
    const prompt = contextFor("prompt", mcqTask());
    const grading = contextFor("grading", makeTask(), { response: "Paris", parsed: "Paris" });
    expect(Object.keys(prompt).sort()).toEqual(["choices", "letters", "task"]);
    expect(Object.keys(prompt.task).every((key) => availableVariables("prompt").some((v) => v.startsWith(`task.${key}`)))).toBe(true);
    expect(Object.keys(grading).every((key) => availableVariables("grading").some((v) => v.split(/[.[]/)[0] === key))).toBe(true);
  });
});
