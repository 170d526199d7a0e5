import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { type Actor, type ProjectCtx, projectContext } from "@/lib/auth/context";
import { sessionActor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/**
 * The signed-in actor and their context in the project named by the URL, memoised per request so
 * the layout and the page share one lookup. Non-members get a 404, as in the API.
 */
export const loadProject = cache(async (key: string): Promise<ProjectCtx & { actor: Actor }> => {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  try {
    return await projectContext(actor, { key }, "viewer");
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export const signedInActor = cache(async (): Promise<Actor> => {
  const actor = await sessionActor();
  if (!actor) redirect("/login");
  return actor;
});
