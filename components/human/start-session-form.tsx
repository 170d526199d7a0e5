"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { startHumanSessionAction } from "@/lib/actions/human";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

/** Starts (or resumes) taking a benchmark: all its tasks, or a seeded sample of them. */
export function StartSessionForm({ projectKey, benchmarkId, taskCount }: { projectKey: string; benchmarkId: string; taskCount: number }) {
  const router = useRouter();
  const [count, setCount] = useState("");
  const action = useAction(
    (input: { num_examples?: number }) => startHumanSessionAction(projectKey, { benchmark_id: benchmarkId, ...input }),
    (data) => router.push(`/${projectKey}/human/${data.id}`),
  );
  return (
    <form
      className="max-w-md space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        action.run(count.trim() ? { num_examples: Number(count) } : {});
      }}
    >
      <TextField
        label="Number of tasks"
        type="number"
        min={1}
        max={taskCount}
        inputMode="numeric"
        value={count}
        onChange={(e) => setCount(e.target.value)}
        hint={`Leave empty to take all ${taskCount.toLocaleString("en-US")} tasks; a number takes a seeded sample, the same one a model run with that number of examples gets.`}
        error={action.fieldError("num_examples")}
      />
      <FormMessage message={action.summary(["num_examples"])} />
      <Button type="submit" pending={action.pending}>
        Start
      </Button>
    </form>
  );
}
