"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { editTask, redactTasks } from "@/lib/services/benchmarks/derive";
import { addBenchmarksToProject, removeBenchmarksFromProject } from "@/lib/services/benchmarks/project-list";
import { BenchmarkIds, EditTask, RedactTasks } from "@/lib/validation/benchmarks";

const Version = z.object({ id: z.uuid("Unknown benchmark"), number: z.number().int().min(1) });

// Only the new version's number goes back to the browser; the page reloads the rest.
const newVersion = (result: { version: { number: number } | null }) => ({ number: result.version?.number ?? null });

export const redactTasksAction = projectAction(
  "benchmark.write",
  RedactTasks.extend(Version.shape),
  async (ctx, { id, number, positions, redacted }) => {
    const result = await redactTasks(ctx, id, number, positions, redacted);
    revalidatePath(`/${ctx.project.key}/benchmarks`, "layout");
    return newVersion(result);
  },
);

// The ids travel beside the task so that field errors keep their paths ("task.truth").
export const editTaskAction = projectAction(
  "benchmark.write",
  EditTask.extend(Version.shape).extend({ position: z.number().int().min(1) }),
  async (ctx, { id, number, position, task }) => {
    const result = await editTask(ctx, id, number, position, task);
    revalidatePath(`/${ctx.project.key}/benchmarks`, "layout");
    return newVersion(result);
  },
);

export const addBenchmarksAction = projectAction("benchmark.write", BenchmarkIds, async (ctx, { benchmark_ids }) => {
  await addBenchmarksToProject(ctx, benchmark_ids);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return { benchmark_ids };
});

export const removeBenchmarksAction = projectAction("benchmark.write", BenchmarkIds, async (ctx, { benchmark_ids }) => {
  await removeBenchmarksFromProject(ctx, benchmark_ids);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return { benchmark_ids };
});
