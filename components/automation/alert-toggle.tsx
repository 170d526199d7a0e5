"use client";

import { useRouter } from "next/navigation";
import { updateAlertAction } from "@/lib/actions/alerts";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** Disabling keeps the alert and its events; nothing is evaluated until it is enabled again. */
export function AlertToggle({ projectKey, id, enabled }: { projectKey: string; id: string; enabled: boolean }) {
  const router = useRouter();
  const action = useAction(
    (on: boolean) => updateAlertAction(projectKey, { id, changes: { enabled: on } }),
    () => router.refresh(),
  );
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" pending={action.pending} onClick={() => action.run(!enabled)}>
        {enabled ? "Disable" : "Enable"}
      </Button>
      <span role="status" className="text-xs">
        {action.failure.message ?? ""}
      </span>
    </span>
  );
}
