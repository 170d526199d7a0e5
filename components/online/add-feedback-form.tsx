"use client";

import { useState } from "react";
import { logFeedbackAction } from "@/lib/actions/use-cases";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

type Key = { key: string; kind: "bool" | "scalar" };

/** Adds metric feedback to one completion from the explorer's drawer. */
export function AddFeedbackForm({ projectKey, completionId, keys }: { projectKey: string; completionId: string; keys: Key[] }) {
  const [key, setKey] = useState(keys[0]?.key ?? "");
  const [value, setValue] = useState("1");
  const [saved, setSaved] = useState<string | null>(null);
  const action = useAction(
    (input: { feedback_key: string; value: number }) => logFeedbackAction(projectKey, { completion_id: completionId, ...input }),
    (r) => setSaved(`Saved ${r.feedback_key} = ${r.value}`),
  );
  if (!keys.length)
    return <p className="text-sm text-gray-700 dark:text-gray-300">Create a feedback key on the use case page to rate answers here.</p>;
  return (
    <form
      aria-label="Add feedback"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(null);
        action.run({ feedback_key: key, value: Number(value) });
      }}
    >
      <SelectField
        label="Feedback key"
        value={key}
        onChange={(e) => setKey(e.target.value)}
        options={keys.map((k) => ({ value: k.key, label: `${k.key} (${k.kind})` }))}
      />
      <TextField
        label="Value"
        inputMode="decimal"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={action.fieldError("value")}
        className="w-28"
      />
      <Button type="submit" variant="secondary" pending={action.pending}>
        Add feedback
      </Button>
      <FormMessage message={action.fieldError("value") ? null : action.failure.message} />
      <FormMessage tone="success" message={saved} />
    </form>
  );
}
