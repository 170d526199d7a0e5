"use client";

import { useQueryClient } from "@tanstack/react-query";
import { cancelRunAction } from "@/app/(app)/[project]/runs/actions";
import { Button } from "@/components/ui/button";
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
      <Button variant="danger" pending={action.pending} onClick={() => action.run(runId)}>
        Cancel run
      </Button>
      <FormMessage message={action.failure.message} />
    </div>
  );
}
