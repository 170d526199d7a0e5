import { notFound } from "next/navigation";
import { z } from "zod";
import { orNotFound } from "@/components/shell/or-not-found";
import type { ProjectCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getBenchmark, getTask } from "@/lib/services/benchmarks/read";

/** A benchmark visible to the project with its versions, or the 404 page (also for ids that are not uuids). */
export async function loadBenchmark(ctx: ProjectCtx, id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  return orNotFound(() => getBenchmark(ctx, id));
}

export async function loadTask(ctx: ProjectCtx, id: string, number: number, position: number) {
  if (!z.uuid().safeParse(id).success || !Number.isSafeInteger(number) || number < 1 || !Number.isSafeInteger(position) || position < 1)
    notFound();
  return orNotFound(() => getTask(ctx, id, number, position));
}

export type LoadedBenchmark = Awaited<ReturnType<typeof loadBenchmark>>;

/** Members change their project's custom benchmarks; public ones need an instance admin as well (as the service checks). */
export function canEditBenchmark(ctx: ProjectCtx, benchmark: { type: "public" | "custom" }): boolean {
  return can(ctx.role, "benchmark.write") && (benchmark.type === "custom" || ctx.actor.isAdmin);
}
