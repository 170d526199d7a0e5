"use client";

import { useState } from "react";
import { createFeedbackKeyAction } from "@/lib/actions/use-cases";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

/** Creates a feedback key and links it to the use case. */
export function FeedbackKeyForm({ projectKey, useCaseKey }: { projectKey: string; useCaseKey: string }) {
  const [fields, setFields] = useState({ key: "", kind: "bool" as "bool" | "scalar", scoring_type: "higher_is_better" as const });
  const action = useAction(
    (input: typeof fields) => createFeedbackKeyAction(projectKey, { ...input, use_case: useCaseKey }),
    () => setFields({ ...fields, key: "" }),
  );
  return (
    <form
      aria-label="New feedback key"
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        action.run(fields);
      }}
    >
      <TextField
        label="Feedback key"
        value={fields.key}
        required
        onChange={(e) => setFields({ ...fields, key: e.target.value })}
        error={action.fieldError("key")}
      />
      <SelectField
        label="Kind"
        value={fields.kind}
        onChange={(e) => setFields({ ...fields, kind: e.target.value as "bool" | "scalar" })}
        options={[
          { value: "bool", label: "bool (0/1)" },
          { value: "scalar", label: "scalar (any number)" },
        ]}
      />
      <Button type="submit" variant="secondary" pending={action.pending}>
        Add feedback key
      </Button>
      <FormMessage message={action.summary(["key"])} />
    </form>
  );
}
