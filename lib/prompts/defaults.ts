import type { TaskType } from "@/lib/benchmarks/task";
import type { Stage } from "./types";

// Liquid templates for the two prompt stages and JSONata for parsing and grading, per task type.
// They read the context built by buildContext(); a run may override any of them per type.
const QUESTION = "{{ task.text }}";
const CHOICES = "{% for choice in choices %}\n{{ choice.letter }}. {{ choice.text }}{% endfor %}";

export const DEFAULT_STAGES: Record<Stage, Record<TaskType, string>> = {
  system_prompt: {
    MCQ: "{{ task.system_prompt }}",
    FRQ: "{{ task.system_prompt }}",
    bool: "{{ task.system_prompt }}",
    json: "{{ task.system_prompt }}",
    qa: "{{ task.system_prompt }}",
  },
  prompt: {
    MCQ: `${QUESTION}\n${CHOICES}\n\nAnswer with the letter only.`,
    bool: `${QUESTION}\n\nAnswer true or false.`,
    json: `${QUESTION}\n{% if task.schema %}\nThe answer must match this JSON Schema:\n{{ task.schema | json }}\n{% endif %}\nAnswer with JSON only.`,
    FRQ: QUESTION,
    qa: QUESTION,
  },
  parsing: {
    MCQ: `($m := $match(response, /\\b([A-Z]{1,2})\\b/); $m ? $m[0].groups[0] : $trim(response))`,
    bool: "$lowercase($trim(response))",
    json: `($t := $trim($replace($replace(response, /^\`\`\`(json)?/, ""), /\`\`\`$/, "")); $eval($t))`,
    FRQ: "$trim(response)",
    qa: "$trim(response)",
  },
  grading: {
    MCQ: "parsed in correct",
    bool: `$string(task.truth) = $lowercase($string(parsed)) or (task.truth ? parsed in ["yes", "y"] : parsed in ["no", "n"])`,
    json: "parsed = task.truth",
    FRQ: "$lowercase($trim($string(parsed))) in [task.truth].$lowercase($trim($))",
    qa: "$lowercase($trim($string(parsed))) in [task.truth].$lowercase($trim($))",
  },
};

export function defaultStage(stage: Stage, type: TaskType): string {
  return DEFAULT_STAGES[stage][type];
}
