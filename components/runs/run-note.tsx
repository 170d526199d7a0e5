"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { updateRunNoteAction } from "@/lib/actions/runs";
import { Button } from "@/components/ui/button";
import { TextAreaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

/** The run's note, and for members a small editor for it. */
export function RunNote({
  projectKey,
  runId,
  note,
  canEdit,
}: {
  projectKey: string;
  runId: string;
  note: string | null;
  canEdit: boolean;
}) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note ?? "");
  const action = useAction(
    (input: { id: string; note: string | null }) => updateRunNoteAction(projectKey, input),
    () => {
      setEditing(false);
      router.refresh();
    },
  );
  if (!editing) {
    if (!note && !canEdit) return null;
    return (
      <div className="flex flex-wrap items-start gap-3 text-sm">
        {note ? <p className="whitespace-pre-wrap text-gray-800 dark:text-gray-200">Note: {note}</p> : null}
        {canEdit ? (
          <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
            {note ? "Edit note" : "Add a note"}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        action.run({ id: runId, note: text.trim() || null });
      }}
    >
      <TextAreaField
        label="Note"
        rows={2}
        maxLength={2000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          action.clearFields("note");
        }}
        error={action.fieldError("note")}
      />
      <div className="flex gap-2">
        <Button type="submit" size="sm" pending={action.pending}>
          Save note
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setEditing(false)}>
          Cancel
        </Button>
      </div>
      <FormMessage message={action.summary(["note"])} />
    </form>
  );
}
