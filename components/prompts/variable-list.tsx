import { availableVariables } from "@/lib/prompts/variable-shapes";
import type { Stage } from "@/lib/prompts/types";

/** Inline in a field hint: the variables a template or expression of this stage can read; anything else is refused when a run is created. */
export function VariableList({ stage }: { stage: Stage }) {
  return (
    <span className="mt-1 block">
      Variables:{" "}
      {availableVariables(stage).map((name, i) => (
        <span key={name}>
          {i > 0 ? ", " : null}
          <code className="rounded bg-gray-100 px-1 dark:bg-gray-800">{name}</code>
        </span>
      ))}
    </span>
  );
}
