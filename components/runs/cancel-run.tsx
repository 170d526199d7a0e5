"use client";

import { useQueryClient } from "@tanstack/react-query";
import { cancelRunAction } from "@/lib/actions/runs";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";
import { runQueryKey } from "./use-run";

export function CancelRun({ projectKey, runId }: { projectKey: string; runId: string }) {
  const client = useQueryClient();
  const action = useAction(
    (id: string) => cancelRunAction(projectKey, { id }),
    () => client.invalidateQueries({ queryKey: runQueryKey(projectKey, runId) }),
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ConfirmButton
        label="Cancel run"
        title="Cancel this run?"
        confirmLabel="Cancel run"
        cancelLabel="Keep running"
        pending={action.pending}
        onConfirm={() => action.run(runId)}
      >
        Tasks not yet answered are skipped; the results so far are kept. A cancelled run cannot be resumed.
      </ConfirmButton>
      <FormMessage message={action.failure.message} />
    </div>
  );
}
