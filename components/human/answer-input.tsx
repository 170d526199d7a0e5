"use client";

import { TextAreaField } from "@/components/ui/field";
import type { HumanSession } from "@/lib/services/human/session";

type Task = NonNullable<HumanSession["task"]>;

const optionClass =
  "flex cursor-pointer items-start gap-2 rounded-md border border-gray-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50 dark:border-gray-700 dark:has-[:checked]:bg-gray-800";

function Options({
  name,
  options,
  value,
  onChange,
}: {
  name: string;
  options: { value: string; label: string }[];
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <fieldset>
      <legend className="mb-2 text-sm font-medium">Your answer</legend>
      <div className="grid gap-2 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className={optionClass}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
              className="mt-0.5"
            />
            <span className="whitespace-pre-wrap break-words">{o.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The answer a model would give for the task's type: a letter, true/false, free text or JSON. */
export function AnswerInput({ task, value, onChange }: { task: Task; value: string; onChange: (v: string) => void }) {
  if (task.type === "MCQ" && task.choices)
    return (
      <Options
        name={`task-${task.position}`}
        value={value}
        onChange={onChange}
        options={task.choices.map((c) => ({ value: c.letter, label: `${c.letter}. ${c.text}` }))}
      />
    );
  if (task.type === "bool")
    return (
      <Options
        name={`task-${task.position}`}
        value={value}
        onChange={onChange}
        options={[
          { value: "true", label: "True (T)" },
          { value: "false", label: "False (F)" },
        ]}
      />
    );
  return (
    <TextAreaField
      label="Your answer"
      rows={task.type === "json" ? 6 : 3}
      className={task.type === "json" ? "font-mono" : ""}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      hint={
        task.type === "json"
          ? `Answer with JSON${task.json_schema ? ` matching: ${JSON.stringify(task.json_schema)}` : ""}. Ctrl+Enter submits.`
          : "Ctrl+Enter submits."
      }
    />
  );
}
