"use client";

import { useState } from "react";
import { publishRunAction } from "@/lib/actions/leaderboard";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useAction } from "@/components/ui/use-action";

/** For project admins: show or hide a completed run of a public model on a public benchmark on the instance leaderboard. */
export function PublishRun({ projectKey, runId, published }: { projectKey: string; runId: string; published: boolean }) {
  const [isPublished, setPublished] = useState(published);
  const action = useAction(
    (next: boolean) => publishRunAction(projectKey, { id: runId, published: next }),
    (result) => setPublished(result.published),
  );
  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden">
      <Button variant="secondary" pending={action.pending} onClick={() => action.run(!isPublished)}>
        {isPublished ? "Remove from instance leaderboard" : "Publish to instance leaderboard"}
      </Button>
      <FormMessage message={action.failure.message} />
    </div>
  );
}
