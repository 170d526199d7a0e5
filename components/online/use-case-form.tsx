"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createUseCaseAction } from "@/lib/actions/use-cases";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

/** Creates a use case, then opens it to attach models. */
export function UseCaseForm({ projectKey }: { projectKey: string }) {
  const router = useRouter();
  const [fields, setFields] = useState({ key: "", name: "", description: "" });
  const action = useAction(
    (input: typeof fields) => createUseCaseAction(projectKey, { ...input, name: input.name || undefined }),
    (useCase) => router.push(`/${projectKey}/use-cases/${useCase.key}`),
  );
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields({ ...fields, [name]: e.target.value });
  return (
    <form
      className="grid gap-3 sm:grid-cols-3"
      aria-label="New use case"
      onSubmit={(e) => {
        e.preventDefault();
        action.run(fields);
      }}
    >
      <TextField
        label="Key"
        name="key"
        required
        value={fields.key}
        onChange={set("key")}
        error={action.fieldError("key")}
        hint="e.g. support-bot"
      />
      <TextField label="Name" name="name" value={fields.name} onChange={set("name")} error={action.fieldError("name")} />
      <TextField
        label="Description"
        name="description"
        value={fields.description}
        onChange={set("description")}
        error={action.fieldError("description")}
      />
      <div className="sm:col-span-3 flex items-center gap-3">
        <Button type="submit" pending={action.pending}>
          Create use case
        </Button>
        <FormMessage message={action.summary(["key", "name", "description"])} />
      </div>
    </form>
  );
}
