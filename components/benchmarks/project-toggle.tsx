"use client";

import { useRouter } from "next/navigation";
import { addBenchmarksAction, removeBenchmarksAction } from "@/app/(app)/[project]/benchmarks/actions";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** Adds a benchmark to, or removes it from, the project's benchmark list. Rendered for members and up. */
export function BenchmarkProjectToggle({ projectKey, benchmarkId, name, inProject }: { projectKey: string; benchmarkId: string; name: string; inProject: boolean }) {
  const router = useRouter();
  const action = useAction(
    (ids: string[]) => (inProject ? removeBenchmarksAction : addBenchmarksAction)(projectKey, { benchmark_ids: ids }),
    () => router.refresh(),
  );
  return (
    <div className="flex flex-col items-start gap-1">
      <Button size="sm" variant={inProject ? "secondary" : "primary"} pending={action.pending} onClick={() => action.run([benchmarkId])} title={`${inProject ? "Remove" : "Add"} ${name}`}>
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
