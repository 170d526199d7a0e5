"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { editTaskAction, redactTasksAction } from "@/lib/actions/benchmarks";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

type Props = {
  projectKey: string;
  benchmarkId: string;
  version: number;
  position: number;
  redacted: boolean;
  task: Record<string, unknown>;
};

/** Redact/unredact and edit for one task; both make a new version and open this task in it. */
export function TaskActions({ projectKey, benchmarkId, version, position, redacted, task }: Props) {
  const router = useRouter();
  const [jsonError, setJsonError] = useState<string>();
  const open = (data: { number: number | null }) => {
    if (data.number) router.push(`/${projectKey}/benchmarks/${benchmarkId}/versions/${data.number}/tasks/${position}`);
    router.refresh();
  };
  const redact = useAction(
    (value: boolean) => redactTasksAction(projectKey, { id: benchmarkId, number: version, positions: [position], redacted: value }),
    open,
  );
  const edit = useAction(
    (next: Record<string, unknown>) => editTaskAction(projectKey, { id: benchmarkId, number: version, position, task: next as never }),
    open,
  );
  const serverErrors = Object.entries(edit.failure.fieldErrors).map(
    ([path, message]) => `${path.replace(/^task\.?/, "") || "task"}: ${message}`,
  );
  const error = jsonError ?? (serverErrors.length ? serverErrors.join("; ") : undefined);

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <Button variant="secondary" pending={redact.pending} onClick={() => redact.run(!redacted)}>
          {redacted ? "Unredact" : "Redact"}
        </Button>
        <FormMessage message={redact.failure.message} />
      </div>
      <form
        noValidate
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          const text = String(new FormData(e.currentTarget).get("task") ?? "");
          try {
            const parsed: unknown = JSON.parse(text);
            if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("the task must be a JSON object");
            setJsonError(undefined);
            edit.run(parsed as Record<string, unknown>);
          } catch (err) {
            edit.reset();
            setJsonError(`Not valid JSON: ${(err as Error).message}`);
          }
        }}
      >
        <h3 className="font-semibold">Edit task</h3>
        <FormMessage message={jsonError ? null : edit.failure.message} />
        <TextAreaField
          className="font-mono"
          label="Task (JSON)"
          name="task"
          rows={16}
          spellCheck={false}
          defaultValue={JSON.stringify(task, null, 2)}
          error={error}
          hint="The server validates the task; saving creates a new version."
        />
        <Button type="submit" pending={edit.pending}>
          Save as new version
        </Button>
      </form>
    </div>
  );
}
