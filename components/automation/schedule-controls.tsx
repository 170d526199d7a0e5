"use client";

import { useRouter } from "next/navigation";
import { runScheduleNowAction, updateScheduleAction } from "@/lib/actions/schedules";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

/** Pause/resume and run now, for members. */
export function ScheduleControls({ projectKey, id, name, paused }: { projectKey: string; id: string; name: string; paused: boolean }) {
  const router = useRouter();
  const toggle = useAction(
    (p: boolean) => updateScheduleAction(projectKey, { id, changes: { paused: p } }),
    () => router.refresh(),
  );
  const runNow = useAction(
    () => runScheduleNowAction(projectKey, { id }),
    () => router.refresh(),
  );
  const message = toggle.failure.message ?? runNow.failure.message;
  const skipped = runNow.data?.pairs.filter((p) => p.skipped).length ?? 0;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        size="sm"
        variant="secondary"
        pending={toggle.pending}
        onClick={() => toggle.run(!paused)}
        aria-label={`${paused ? "Resume" : "Pause"} ${name}`}
      >
        {paused ? "Resume" : "Pause"}
      </Button>
      <Button size="sm" variant="secondary" pending={runNow.pending} onClick={() => runNow.run(undefined)} aria-label={`Run ${name} now`}>
        Run now
      </Button>
      <span role="status" className="text-xs text-gray-700 dark:text-gray-300">
        {message ?? (runNow.data ? `Started ${runNow.data.pairs.length - skipped} run(s)${skipped ? `, skipped ${skipped}` : ""}` : "")}
      </span>
    </div>
  );
}
