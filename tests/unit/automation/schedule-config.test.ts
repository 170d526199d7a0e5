import { describe, expect, it } from "vitest";
import { configStateOf, keepHiddenFields } from "@/components/runs/new/config-state";
import { toRunConfig } from "@/components/runs/new/types";
import { RunConfig } from "@/lib/validation/runs";

const stored = RunConfig.parse({
  sampling: { strategy: "top_p", temperature: 0.4, top_p: 0.8, max_tokens: 256, stop: ["###", "END"] },
  system_prompt: "Be brief.",
  prompt_templates: { default: "Q: {{ task.input }}", mcq: "Pick one: {{ task.input }}" },
  parse_expressions: { default: "$trim(response)" },
  num_examples: 25,
  seed: 7,
  samples_per_task: 3,
  concurrency: 4,
  timeout_ms: 30_000,
  max_attempts: 2,
  scorers: [{ type: "exact_match", params: { ignore_case: true }, aggregations: ["accuracy"] }],
  metrics: ["refusal"],
  stream: true,
});

describe("the schedule form's run config", () => {
  it("shows a stored config in the run form's fields and saves it back unchanged", () => {
    const state = configStateOf(stored);
    expect(state).toMatchObject({ strategy: "top_p", temperature: "0.4", top_p: "0.8", stop: "###\nEND", num_examples: "25", seed: "7" });
    const { config, errors } = toRunConfig(state);
    expect(errors).toEqual({});
    expect(RunConfig.parse(keepHiddenFields(stored, config))).toEqual(stored);
  });

  it("keeps what the form has no field for, and drops what the user cleared", () => {
    const state = { ...configStateOf(stored), system_prompt: "", num_examples: "", prompt_template: "New {{ task.input }}" };
    const saved = RunConfig.parse(keepHiddenFields(stored, toRunConfig(state).config));
    expect(saved.system_prompt).toBeUndefined();
    expect(saved.num_examples).toBeUndefined();
    expect(saved.prompt_templates).toEqual({ default: "New {{ task.input }}", mcq: "Pick one: {{ task.input }}" });
    expect(saved).toMatchObject({ metrics: ["refusal"], stream: true, scorers: [{ type: "exact_match", aggregations: ["accuracy"] }] });
  });

  it("starts a new schedule from the run form's defaults, which parse to the API's defaults", () => {
    expect(RunConfig.parse(toRunConfig(configStateOf({})).config)).toEqual(RunConfig.parse({}));
  });
});
