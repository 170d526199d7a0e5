import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { projectMembers, projects } from "@/db/schema";
import type { Actor, ProjectCtx } from "@/lib/auth/context";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { CreateProject } from "@/lib/validation/projects";
import { recordAudit } from "../audit";
import { forgetCallers } from "@/lib/auth/caller-cache";

export async function listMyProjects(actor: Actor) {
  return db
    .select({ id: projects.id, key: projects.key, name: projects.name, description: projects.description, role: projectMembers.role })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
    .orderBy(asc(projectMembers.createdAt));
}

export async function createProject(actor: Actor, input: CreateProject) {
  try {
    return await db.transaction(async (tx) => {
      const [project] = await tx.insert(projects).values(input).returning();
      if (!project) throw new Error("insert returned no row");
      await tx.insert(projectMembers).values({ projectId: project.id, userId: actor.userId, role: "owner" });
      await recordAudit(tx, actor, project.id, { action: "project.create", resourceType: "project", resourceId: project.id });
      return project;
    });
  } catch (error) {
    if (uniqueViolation(error) === "projects_key_key") throw AppError.field("key", "A project with this key already exists", "conflict");
    throw error;
  }
}

export async function getProject(ctx: ProjectCtx) {
  const [project] = await db.select().from(projects).where(eq(projects.id, ctx.project.id));
  if (!project) throw new AppError("not_found", "Project not found");
  return { ...project, role: ctx.role };
}

export async function updateProject(ctx: ProjectCtx, input: { name?: string; description?: string }) {
  return db.transaction(async (tx) => {
    const [project] = await tx
      .update(projects)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(projects.id, ctx.project.id))
      .returning();
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "project.update",
      resourceType: "project",
      resourceId: ctx.project.id,
      details: input,
    });
    return project;
  });
}

/** Owners only (checked by the caller's role requirement); removes everything the project owns. */
export async function deleteProject(ctx: ProjectCtx, confirmKey: string) {
  if (confirmKey !== ctx.project.key) throw AppError.field("confirm", `Type the project key "${ctx.project.key}" to confirm`);
  await db.delete(projects).where(eq(projects.id, ctx.project.id));
  forgetCallers();
}
