"use client";

import { useRouter } from "next/navigation";
import { addModelsAction, removeModelsAction } from "@/app/(app)/[project]/models/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** Adds a model to, or removes it from, the project's model list. Rendered for admins only. */
export function ProjectToggle({ projectKey, modelId, modelName, inProject }: { projectKey: string; modelId: string; modelName: string; inProject: boolean }) {
  const router = useRouter();
  const action = useAction(
    (ids: string[]) => (inProject ? removeModelsAction : addModelsAction)(projectKey, { model_ids: ids }),
    () => router.refresh(),
  );
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant={inProject ? "secondary" : "primary"}
        pending={action.pending}
        onClick={() => action.run([modelId])}
        title={`${inProject ? "Remove" : "Add"} ${modelName}`}
      >
        {inProject ? "Remove from project" : "Add to project"}
      </Button>
      {action.failure.message ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {action.failure.message}
        </p>
      ) : null}
    </div>
  );
}
