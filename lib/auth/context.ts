import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { projectMembers, projects } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type Capability, can, isCapability, roleFor } from "./permissions";
import { atLeast, lowerRole, type Role } from "./roles";

/** Who is acting: a signed-in user, or a user acting through one of their API tokens. */
export type Actor = { userId: string; username: string; isAdmin: boolean; tokenId?: string; tokenRole?: Role };

export type ProjectRef = { id: string; key: string; name: string };

/** The one thing every project-scoped service receives: the actor, the project and the effective role. */
export type ProjectCtx = { actor: Actor; project: ProjectRef; role: Role };

/**
 * The caller's project and effective role (the token caps the member's role). Non-members get 404,
 * never 403, so that project keys and ids of other tenants cannot be discovered.
 */
export async function projectMember(actor: Actor, where: { key: string } | { id: string } | "first"): Promise<ProjectCtx> {
  const filter = where === "first" ? undefined : "key" in where ? eq(projects.key, where.key) : eq(projects.id, where.id);
  const [row] = await db
    .select({ id: projects.id, key: projects.key, name: projects.name, role: projectMembers.role })
    .from(projects)
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, projects.id), eq(projectMembers.userId, actor.userId)))
    .where(filter)
    .orderBy(asc(projectMembers.createdAt))
    .limit(1);
  if (!row) throw new AppError("not_found", where === "first" ? "You are not a member of any project" : "Project not found");
  const role = actor.tokenRole ? lowerRole(row.role, actor.tokenRole) : row.role;
  return { actor, project: { id: row.id, key: row.key, name: row.name }, role };
}

/** Members without `required` (a capability of the permission map, or a minimum role) get 403. */
export function authorize(ctx: ProjectCtx, required: Role | Capability): ProjectCtx {
  if (isCapability(required) ? !can(ctx.role, required) : !atLeast(ctx.role, required)) {
    const needed = isCapability(required) ? roleFor(required) : required;
    throw new AppError("forbidden", `This needs the ${needed} role in project ${ctx.project.key}; you are ${ctx.role}`);
  }
  return ctx;
}

/** Resolves the caller's role in a project and checks it against `required` (404 for non-members, 403 below it). */
export async function projectContext(
  actor: Actor,
  where: { key: string } | { id: string } | "first",
  required: Role | Capability,
): Promise<ProjectCtx> {
  return authorize(await projectMember(actor, where), required);
}

export function requireInstanceAdmin(actor: Actor): void {
  if (!actor.isAdmin) throw new AppError("forbidden", "Only an instance administrator can do this");
}
