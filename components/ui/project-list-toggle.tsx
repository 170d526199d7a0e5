"use client";

import { useRouter } from "next/navigation";
import { addBenchmarksAction, removeBenchmarksAction } from "@/lib/actions/benchmarks";
import { addModelsAction, removeModelsAction } from "@/lib/actions/models";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/http/action";

type Toggle = (add: boolean, projectKey: string, id: string) => Promise<ActionResult<unknown>>;

const ACTIONS: Record<"model" | "benchmark", Toggle> = {
  model: (add, projectKey, id) => (add ? addModelsAction : removeModelsAction)(projectKey, { model_ids: [id] }),
  benchmark: (add, projectKey, id) => (add ? addBenchmarksAction : removeBenchmarksAction)(projectKey, { benchmark_ids: [id] }),
};

/** Adds a model or benchmark to, or removes it from, the project's working list; the record stays. */
export function ProjectListToggle({
  kind,
  projectKey,
  id,
  name,
  inProject,
}: {
  kind: keyof typeof ACTIONS;
  projectKey: string;
  id: string;
  name: string;
  inProject: boolean;
}) {
  const router = useRouter();
  const action = useAction(
    () => ACTIONS[kind](!inProject, projectKey, id),
    () => router.refresh(),
  );
  return (
    <div className="flex flex-col items-start gap-1">
      <Button
        size="sm"
        variant={inProject ? "secondary" : "primary"}
        pending={action.pending}
        onClick={() => action.run(undefined)}
        title={`${inProject ? "Remove" : "Add"} ${name}`}
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
