"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction, userAction } from "@/lib/http/action";
import { removeMember } from "@/lib/services/projects/members";
import { createProject, deleteProject, updateProject } from "@/lib/services/projects/projects";
import { CreateProject, UpdateProject } from "@/lib/validation/projects";

export const createProjectAction = userAction(CreateProject, async (actor, input) => {
  const project = await createProject(actor, input);
  revalidatePath("/projects");
  return { key: project.key };
});

export const updateProjectAction = projectAction("project.update", UpdateProject, async (ctx, input) => {
  await updateProject(ctx, input);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return { key: ctx.project.key };
});

export const leaveProjectAction = projectAction("project.leave", z.object({}), async (ctx) => {
  await removeMember(ctx, ctx.actor.userId);
  revalidatePath("/", "layout");
  return { left: ctx.project.key };
});

export const deleteProjectAction = projectAction("project.delete", z.object({ confirm: z.string().max(100) }), async (ctx, { confirm }) => {
  await deleteProject(ctx, confirm);
  revalidatePath("/", "layout");
  return { deleted: ctx.project.key };
});
