"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { cancelRun } from "@/lib/services/runs/cancel";
import { createRun } from "@/lib/services/runs/create";
import { updateRun } from "@/lib/services/runs/note";
import { CreateRun, RunConfig, UpdateRun } from "@/lib/validation/runs";

const StartRuns = z.object({
  pairs: z
    .array(z.object({ model_id: z.uuid("Unknown model"), benchmark_id: z.uuid("Unknown benchmark") }))
    .min(1, "Choose at least one model and one benchmark")
    .max(100, "Start at most 100 runs at once"),
  config: RunConfig,
  if_running: CreateRun.shape.if_running,
  note: CreateRun.shape.note,
});

// One run per model × benchmark pair, each pinned to the benchmark's latest version; with
// if_running "existing", a pair already under way keeps its run (its id is returned, nothing starts).
export const startRunsAction = projectAction("run.create", StartRuns, async (ctx, { pairs, config, if_running, note }) => {
  const ids: string[] = [];
  for (const pair of pairs) {
    const { run } = await createRun(ctx, { ...pair, config, if_running, note }, "user");
    ids.push(run.id);
  }
  revalidatePath(`/${ctx.project.key}/runs`);
  return { ids };
});

export const cancelRunAction = projectAction("run.create", z.object({ id: z.uuid("Unknown run") }), async (ctx, { id }) => {
  const run = await cancelRun(ctx, id);
  revalidatePath(`/${ctx.project.key}/runs`, "layout");
  return { status: run.status };
});

export const updateRunNoteAction = projectAction(
  "run.create",
  UpdateRun.extend({ id: z.uuid("Unknown run") }),
  async (ctx, { id, note }) => {
    const run = await updateRun(ctx, id, { note });
    revalidatePath(`/${ctx.project.key}/runs`, "layout");
    return { note: run.note };
  },
);
