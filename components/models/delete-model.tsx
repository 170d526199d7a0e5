"use client";

import { useRouter } from "next/navigation";
import { deleteModelAction } from "@/lib/actions/models";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

export function DeleteModel({ projectKey, modelId, modelName }: { projectKey: string; modelId: string; modelName: string }) {
  const router = useRouter();
  const action = useAction(
    (id: string) => deleteModelAction(projectKey, { id }),
    () => {
      router.push(`/${projectKey}/models`);
      router.refresh();
    },
  );
  return (
    <div className="flex flex-wrap items-center gap-2">
      <ConfirmButton
        label="Delete"
        title={`Delete ${modelName}?`}
        confirmLabel="Delete model"
        pending={action.pending}
        onConfirm={() => action.run(modelId)}
      >
        It can no longer be run. Runs that used it keep their results.
      </ConfirmButton>
      <FormMessage message={action.failure.message} />
    </div>
  );
}
