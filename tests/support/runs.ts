import type { ProjectCtx } from "@/lib/auth/context";
import { getRun } from "@/lib/services/runs/read";

export type Run = Awaited<ReturnType<typeof getRun>>;

/** Polls until the run reaches one of `statuses` (default: finished), or fails the test with its progress. */
export async function waitForRun(
  ctx: ProjectCtx,
  id: string,
  statuses = ["completed", "failed", "cancelled"],
  timeoutMs = 60_000,
): Promise<Run> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const run = await getRun(ctx, id);
    if (statuses.includes(run.status)) return run;
    if (Date.now() > deadline) throw new Error(`run stuck in ${run.status}: ${JSON.stringify(run.progress)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
