"use client";

import { useRouter } from "next/navigation";
import { deleteSubscriptionAction } from "@/lib/actions/subscriptions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function UnsubscribeButton({ projectKey, id, label }: { projectKey: string; id: string; label: string }) {
  const router = useRouter();
  const action = useAction(
    () => deleteSubscriptionAction(projectKey, { id }),
    () => router.refresh(),
  );
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        pending={action.pending}
        onClick={() => action.run(undefined)}
        aria-label={`Unsubscribe ${label}`}
      >
        Unsubscribe
      </Button>
      <span role="status" className="text-xs">
        {action.failure.message ?? ""}
      </span>
    </span>
  );
}
