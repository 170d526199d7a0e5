import { notFound } from "next/navigation";
import { z } from "zod";
import { orNotFound } from "@/components/shell/or-not-found";
import type { ProjectCtx } from "@/lib/auth/context";
import { can } from "@/lib/auth/permissions";
import { getModel } from "@/lib/services/models/read";

/** A model visible to the project, or the 404 page (also for ids that are not uuids). */
export async function loadModel(ctx: ProjectCtx, id: string) {
  if (!z.uuid().safeParse(id).success) notFound();
  return orNotFound(() => getModel(ctx, { id }));
}

/** Project admins manage custom models; public catalog entries need an instance admin as well. */
export function canEditModel(ctx: ProjectCtx, model: { type: "public" | "custom" }): boolean {
  return can(ctx.role, "model.manage") && (model.type === "custom" || ctx.actor.isAdmin);
}
