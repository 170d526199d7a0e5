import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type Actor, type ProjectCtx, projectContext } from "@/lib/auth/context";
import type { Capability } from "@/lib/auth/permissions";
import { sessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The signed-in actor and their context in the project named by the URL, memoised per request so
 * the layout and the page share one lookup. Non-members get a 404, as in the API; so do members
 * without the capability a page needs (it is the one its API routes need, from the permission map).
 */
export const loadProject = cache(async (key: string, capability: Capability = "project.read"): Promise<ProjectCtx & { actor: Actor }> => {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  try {
    return await projectContext(actor, { key }, capability);
  } catch (error) {
    if (error instanceof AppError && (error.code === "not_found" || error.code === "forbidden")) notFound();
    throw error;
  }
});

export const signedInActor = cache(async (): Promise<Actor> => {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  return actor;
});
