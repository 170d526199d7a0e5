"use server";

import { revalidatePath } from "next/cache";
import { userAction } from "@/lib/http/action";
import { createProject } from "@/lib/services/projects/projects";
import { CreateProject } from "@/lib/validation/projects";

export const createProjectAction = userAction(CreateProject, async (actor, input) => {
  const project = await createProject(actor, input);
  revalidatePath("/projects");
  return { key: project.key };
});
