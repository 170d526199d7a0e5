import { notFound } from "next/navigation";
import { z } from "zod";
import { orNotFound } from "@/components/shell/or-not-found";
import type { ProjectCtx } from "@/lib/auth/context";
import { getRun } from "@/lib/services/runs/read";
import { getResultDetail } from "@/lib/services/runs/result-detail";

/** The project's run, or the 404 page (also for ids that are not uuids and for other projects' runs). */
export function loadRun(ctx: ProjectCtx, id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  return orNotFound(() => getRun(ctx, id));
}

/** One result of the project's run for the drill-down page, or the 404 page. */
export function loadResult(ctx: ProjectCtx, id: string, position: string, sample: string | undefined) {
  const key = { position: Number(position), sample: Number(sample ?? 0) };
  if (
    !z.uuid().safeParse(id).success ||
    !Number.isSafeInteger(key.position) ||
    key.position < 1 ||
    !Number.isSafeInteger(key.sample) ||
    key.sample < 0
  )
    notFound();
  return orNotFound(() => getResultDetail(ctx, id, key));
}
