"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CheckboxField, TextField } from "@/components/ui/field";
import { createAlertAction, updateAlertAction } from "@/lib/actions/alerts";
import { useAction } from "@/components/ui/use-action";
import { describeError, draftOf, emptyDraft, MAX_TRIGGERS, type SavedTrigger, type TriggerDraft, triggerOf } from "./trigger-draft";
import { type Named, TriggerRow } from "./trigger-row";

type SavedAlert = { id: string; name: string; description: string; cooldown_minutes: number; triggers: SavedTrigger[] };

type Props = {
  projectKey: string;
  models: Named[];
  benchmarks: Named[];
  useCases: Named[];
  /** Editing this alert; a new alert when absent. */
  alert?: SavedAlert;
};

/** Create or edit an alert with one to ten triggers; on create, the creator is subscribed in the app unless unticked. */
export function AlertForm({ projectKey, models, benchmarks, useCases, alert }: Props) {
  const router = useRouter();
  const nextKey = useRef(alert?.triggers.length ?? 1);
  const [drafts, setDrafts] = useState<TriggerDraft[]>(() => alert?.triggers.map(draftOf) ?? [emptyDraft(0)]);
  const [focusKey, setFocusKey] = useState<number | null>(null);
  const rows = useRef(new Map<number, HTMLFieldSetElement>());
  // The edit action nests the alert's fields under `changes`, so its error paths carry that prefix.
  const prefix = alert ? "changes." : "";
  const action = useAction(
    (input: { name: string; description: string; cooldown_minutes: number; notify_me: boolean; triggers: unknown[] }) => {
      if (!alert) return createAlertAction(projectKey, input);
      const { notify_me: _, ...changes } = input;
      return updateAlertAction(projectKey, { id: alert.id, changes });
    },
    (data) => {
      router.push(`/${projectKey}/alerts/${data.id}`);
      router.refresh();
    },
  );

  useEffect(() => {
    if (focusKey === null) return;
    rows.current.get(focusKey)?.querySelector("select")?.focus();
    setFocusKey(null);
  }, [focusKey]);

  const errors = Object.entries(action.failure.fieldErrors);
  const rowError = (index: number) => (field: string) => action.fieldError(`${prefix}triggers.${index}.${field}`);

  return (
    <form
      noValidate
      className="max-w-3xl space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        const cooldown = String(data.get("cooldown_minutes") ?? "").trim();
        action.run({
          name: String(data.get("name") ?? ""),
          description: String(data.get("description") ?? ""),
          cooldown_minutes: cooldown === "" ? 60 : Number(cooldown),
          notify_me: data.get("notify_me") === "on",
          triggers: drafts.map(triggerOf),
        });
      }}
    >
      {errors.length ? (
        <div
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          <p>Please correct:</p>
          <ul className="list-disc pl-5">
            {errors.map(([path, message]) => (
              <li key={path}>{describeError(path, message, prefix)}</li>
            ))}
          </ul>
        </div>
      ) : action.failure.message ? (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {action.failure.message}
        </p>
      ) : null}
      <TextField label="Name" name="name" required maxLength={100} defaultValue={alert?.name} error={action.fieldError(`${prefix}name`)} />
      <TextField
        label="Description (optional)"
        name="description"
        maxLength={500}
        defaultValue={alert?.description}
        error={action.fieldError(`${prefix}description`)}
      />
      {drafts.map((draft, index) => (
        <TriggerRow
          key={draft.key}
          index={index}
          draft={draft}
          scope={{ models, benchmarks, useCases }}
          error={rowError(index)}
          fieldsetRef={(el) => {
            if (el) rows.current.set(draft.key, el);
            else rows.current.delete(draft.key);
          }}
          onChange={(changed) => {
            action.clearFields(`${prefix}triggers.${index}`);
            setDrafts(drafts.map((d) => (d.key === draft.key ? changed : d)));
          }}
          onRemove={
            drafts.length > 1
              ? () => {
                  // Later rows move up a place, so their old error paths no longer point at them.
                  action.clearFields(`${prefix}triggers`);
                  setDrafts(drafts.filter((d) => d.key !== draft.key));
                  setFocusKey((drafts[index - 1] ?? drafts[index + 1] ?? draft).key);
                }
              : null
          }
        />
      ))}
      <div className="flex items-center gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={drafts.length >= MAX_TRIGGERS}
          onClick={() => {
            const key = nextKey.current++;
            setDrafts([...drafts, emptyDraft(key)]);
            setFocusKey(key);
          }}
        >
          Add trigger
        </Button>
        <span className="text-xs text-gray-700 dark:text-gray-300">
          {drafts.length} of at most {MAX_TRIGGERS} triggers; the alert fires when any of them does.
        </span>
      </div>
      <TextField
        label="Cooldown (minutes)"
        name="cooldown_minutes"
        type="number"
        min={0}
        defaultValue={alert?.cooldown_minutes ?? 60}
        hint="After an event, nothing new fires for this long."
        error={action.fieldError(`${prefix}cooldown_minutes`)}
      />
      {alert ? null : <CheckboxField label="Notify me in the app (the bell)" name="notify_me" defaultChecked />}
      <Button type="submit" pending={action.pending}>
        {alert ? "Save alert" : "Create alert"}
      </Button>
    </form>
  );
}
