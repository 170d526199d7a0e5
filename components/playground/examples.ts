import type { TaskType } from "@/lib/benchmarks/task";

/** One small task per type for the playground, with a plausible model response. */
export const EXAMPLES: Record<TaskType, { task: Record<string, unknown>; response: string }> = {
  MCQ: {
    task: {
      type: "MCQ",
      input: "Which planet is known as the Red Planet?",
      truth: null,
      choices: { correct: ["Mars"], incorrect: ["Venus", "Jupiter", "Mercury"] },
      subset: "astronomy",
    },
    response: "The answer is B",
  },
  FRQ: { task: { type: "FRQ", input: "What is the capital of France?", truth: "Paris", subset: "geography" }, response: " Paris " },
  bool: { task: { type: "bool", input: "Is water wet?", truth: true }, response: "Yes" },
  json: {
    task: {
      type: "json",
      input: "Return the user's name and age as JSON: Ada, 36.",
      truth: { name: "Ada", age: 36 },
      json_schema: { type: "object", required: ["name", "age"] },
    },
    response: '```json\n{"name": "Ada", "age": 36}\n```',
  },
  qa: { task: { type: "qa", input: "Who wrote 'Pride and Prejudice'?", truth: ["Jane Austen", "Austen"] }, response: "Jane Austen" },
};

export const STAGE_OPTIONS = [
  { value: "system_prompt", label: "System prompt (Liquid template)" },
  { value: "prompt", label: "Prompt (Liquid template)" },
  { value: "parsing", label: "Response parsing (JSONata)" },
  { value: "grading", label: "Grading (JSONata)" },
];
