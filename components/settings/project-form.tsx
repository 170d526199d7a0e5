"use client";

import { useRouter } from "next/navigation";
import { updateProjectAction } from "@/lib/actions/projects";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

export function ProjectForm({ projectKey, name, description }: { projectKey: string; name: string; description: string }) {
  const router = useRouter();
  const action = useAction(
    (input: { name: string; description: string }) => updateProjectAction(projectKey, input),
    () => router.refresh(),
  );
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        action.run({ name: String(form.get("name") ?? ""), description: String(form.get("description") ?? "") });
      }}
    >
      <FormMessage message={action.summary(["name", "description"])} />
      {action.data ? <FormMessage tone="success" message="Project saved." /> : null}
      <TextField label="Name" name="name" required maxLength={100} defaultValue={name} error={action.fieldError("name")} />
      <TextAreaField
        label="Description"
        name="description"
        rows={3}
        maxLength={1000}
        defaultValue={description}
        error={action.fieldError("description")}
      />
      <Button type="submit" pending={action.pending}>
        Save changes
      </Button>
    </form>
  );
}
