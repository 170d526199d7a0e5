import type { Stage } from "./types";

/** A leaf, any value below it (free-form JSON such as metadata), or an object / list of objects. */
export type Shape = "leaf" | "any" | { [key: string]: Shape } | [Shape];

const PROMPT: Record<string, Shape> = {
  task: { text: "leaf", type: "leaf", subset: "leaf", metadata: "any", system_prompt: "leaf", schema: "any" },
  choices: [{ letter: "leaf", text: "leaf" }],
  letters: ["leaf"],
};
// The grading stage also sees the answer; prompt stages never do, so a template cannot leak it.
const GRADING: Record<string, Shape> = {
  ...PROMPT,
  task: { ...(PROMPT.task as Record<string, Shape>), truth: "any" },
  correct: ["leaf"],
  response: "leaf",
  parsed: "any",
};

export const shapeOf = (stage: Stage) => (stage === "grading" || stage === "parsing" ? GRADING : PROMPT);

function names(shape: Shape, path: string): string[] {
  if (shape === "leaf") return [path];
  if (shape === "any") return [`${path}.…`];
  if (Array.isArray(shape)) return shape[0] === "leaf" ? [`${path}[]`] : names(shape[0], `${path}[]`);
  return Object.entries(shape).flatMap(([key, inner]) => names(inner, path ? `${path}.${key}` : key));
}

/** Every variable a template of this stage can read, as listed in errors and in the UI. */
export function availableVariables(stage: Stage): string[] {
  return names(shapeOf(stage) as Shape, "");
}
