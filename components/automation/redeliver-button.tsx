"use client";

import { useRouter } from "next/navigation";
import { redeliverAction } from "@/lib/actions/subscriptions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

export function RedeliverButton({
  projectKey,
  subscriptionId,
  deliveryId,
}: {
  projectKey: string;
  subscriptionId: string;
  deliveryId: string;
}) {
  const router = useRouter();
  const action = useAction(
    () => redeliverAction(projectKey, { id: subscriptionId, delivery_id: deliveryId }),
    () => router.refresh(),
  );
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="secondary" pending={action.pending} onClick={() => action.run(undefined)}>
        Redeliver
      </Button>
      <span role="status" className="text-xs">
        {action.failure.message ?? (action.data ? "Queued" : "")}
      </span>
    </span>
  );
}
