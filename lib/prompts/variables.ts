import { analyzeSync, type Template, type Variable } from "liquidjs";
import type { Stage, StageResult } from "./types";
import { availableVariables, type Shape, shapeOf } from "./variable-shapes";

// Liquid reads these on any string or list.
const ACCESSORS = new Set(["size", "first", "last"]);

function known(shape: Shape, segments: Variable["segments"]): boolean {
  const [head, ...rest] = segments;
  // A computed key (task[name]) cannot be checked before the run.
  if (head === undefined || shape === "any" || typeof head === "object") return true;
  if (typeof head === "string" && ACCESSORS.has(head) && (shape === "leaf" || Array.isArray(shape)))
    return known(head !== "size" && Array.isArray(shape) ? shape[0] : "leaf", rest);
  if (Array.isArray(shape)) return typeof head === "number" && known(shape[0], rest);
  if (shape === "leaf" || typeof head !== "string" || !Object.hasOwn(shape, head)) return false;
  return known(shape[head] as Shape, rest);
}

/**
 * Fails on the first variable the stage's context does not have (`{{ input }}` for `{{ task.text }}`),
 * which Liquid would otherwise render as an empty string for every task. Loop and assigned names are local.
 */
export function checkVariables(stage: Stage, templates: Template[]): StageResult<Template[]> {
  for (const variables of Object.values(analyzeSync(templates).globals)) {
    for (const variable of variables) {
      if (known(shapeOf(stage) as Shape, variable.segments)) continue;
      const { row: line, col: column } = variable.location;
      const message = `Unknown variable "${variable.toString()}" (line ${line}, column ${column}); available: ${availableVariables(stage).join(", ")}`;
      return { ok: false, error: { message, code: "unknown_variable", line, column } };
    }
  }
  return { ok: true, value: templates };
}
