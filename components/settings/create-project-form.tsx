"use client";

import { useRouter } from "next/navigation";
import { createProjectAction } from "@/lib/actions/projects";
import { Button } from "@/components/ui/button";
import { TextAreaField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

export function CreateProjectForm() {
  const router = useRouter();
  const action = useAction(createProjectAction, (project) => {
    router.push(`/${project.key}`);
    router.refresh();
  });
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const form = new FormData(e.currentTarget);
        const get = (k: string) => String(form.get(k) ?? "");
        action.run({ key: get("key"), name: get("name"), description: get("description") });
      }}
    >
      <FormMessage message={action.summary(["key", "name", "description"])} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Key"
          name="key"
          required
          maxLength={40}
          error={action.fieldError("key")}
          hint="Used in URLs, e.g. support-bot. Lowercase letters, digits and '-'."
        />
        <TextField label="Name" name="name" required maxLength={100} error={action.fieldError("name")} />
      </div>
      <TextAreaField label="Description" name="description" rows={2} maxLength={1000} error={action.fieldError("description")} />
      <Button type="submit" pending={action.pending}>
        Create project
      </Button>
    </form>
  );
}
