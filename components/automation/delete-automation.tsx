"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteAlertAction } from "@/lib/actions/alerts";
import { deleteScheduleAction } from "@/lib/actions/schedules";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

const ACTIONS = { schedule: deleteScheduleAction, alert: deleteAlertAction };

/** Two-step delete of a schedule or an alert: the first click asks. Runs and events already made stay. */
export function DeleteAutomation({
  projectKey,
  kind,
  id,
  name,
}: {
  projectKey: string;
  kind: keyof typeof ACTIONS;
  id: string;
  name: string;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const action = useAction(
    () => ACTIONS[kind](projectKey, { id }),
    () => {
      router.push(`/${projectKey}/${kind}s`);
      router.refresh();
    },
  );
  if (!confirming) {
    return (
      <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p className="text-sm">Delete {name}?</p>
      <Button size="sm" variant="danger" pending={action.pending} onClick={() => action.run(undefined)}>
        Delete {kind}
      </Button>
      <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      <FormMessage message={action.failure.message} />
    </div>
  );
}
