"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteModelAction } from "@/app/(app)/[project]/models/actions";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

/** Two-step delete: the first click asks, the second disables the model. */
export function DeleteModel({ projectKey, modelId, modelName }: { projectKey: string; modelId: string; modelName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const action = useAction(
    (id: string) => deleteModelAction(projectKey, { id }),
    () => {
      router.push(`/${projectKey}/models`);
      router.refresh();
    },
  );
  if (!confirming) {
    return (
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete
      </Button>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      <p className="text-sm text-gray-900 dark:text-gray-100">Delete {modelName}? Runs that used it keep their results.</p>
      <Button variant="danger" pending={action.pending} onClick={() => action.run(modelId)}>
        Delete model
      </Button>
      <Button variant="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      <FormMessage message={action.failure.message} />
    </div>
  );
}
