import { and, asc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { projectMembers, users } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { Role } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { recordAudit } from "../audit";
import { findUserByLogin } from "../users/find";
import { forgetCallers } from "@/lib/auth/caller-cache";

export async function listMembers(ctx: ProjectCtx) {
  return db
    .select({
      userId: users.id,
      username: users.username,
      fullName: users.fullName,
      role: projectMembers.role,
      since: projectMembers.createdAt,
    })
    .from(projectMembers)
    .innerJoin(users, eq(users.id, projectMembers.userId))
    .where(eq(projectMembers.projectId, ctx.project.id))
    .orderBy(asc(projectMembers.createdAt));
}

async function ownerCount(tx: Executor, projectId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.role, "owner")));
  return row?.n ?? 0;
}

async function currentRole(tx: Executor, projectId: string, userId: string): Promise<Role> {
  // FOR UPDATE serialises concurrent role changes, so two admins cannot demote the last two owners at once.
  const [row] = await tx
    .select({ role: projectMembers.role })
    .from(projectMembers)
    .where(and(eq(projectMembers.projectId, projectId), eq(projectMembers.userId, userId)))
    .for("update");
  if (!row) throw new AppError("not_found", "This user is not a member of the project");
  return row.role;
}

function assertMayGrant(ctx: ProjectCtx, ...roles: Role[]) {
  if (roles.includes("owner") && ctx.role !== "owner") throw new AppError("forbidden", "Only an owner can grant or change the owner role");
}

export async function inviteMember(ctx: ProjectCtx, input: { login: string; role: Role }) {
  assertMayGrant(ctx, input.role);
  const user = await findUserByLogin(input.login);
  if (!user) throw AppError.field("login", `No user with the username or email "${input.login}"`, "not_found");
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(projectMembers)
      .values({ projectId: ctx.project.id, userId: user.id, role: input.role })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw AppError.field("login", `${user.username} is already a member`, "conflict");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "member.add",
      resourceType: "user",
      resourceId: user.id,
      details: { username: user.username, role: input.role },
    });
    return { userId: user.id, username: user.username, role: input.role };
  });
}

export async function changeRole(ctx: ProjectCtx, userId: string, role: Role) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${ctx.project.id}))`);
    const previous = await currentRole(tx, ctx.project.id, userId);
    assertMayGrant(ctx, previous, role);
    if (previous === "owner" && role !== "owner" && (await ownerCount(tx, ctx.project.id)) <= 1) {
      throw AppError.field("role", "A project needs at least one owner; make someone else owner first", "conflict");
    }
    await tx
      .update(projectMembers)
      .set({ role })
      .where(and(eq(projectMembers.projectId, ctx.project.id), eq(projectMembers.userId, userId)));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "member.role",
      resourceType: "user",
      resourceId: userId,
      details: { from: previous, to: role },
    });
  });
  forgetCallers();
}

/** Removes a member (admins) or lets the caller leave (any role); the last owner can do neither. */
export async function removeMember(ctx: ProjectCtx, userId: string) {
  const self = userId === ctx.actor.userId;
  if (!self && ctx.role !== "admin" && ctx.role !== "owner") throw new AppError("forbidden", "Only admins can remove members");
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${ctx.project.id}))`);
    const previous = await currentRole(tx, ctx.project.id, userId);
    if (!self) assertMayGrant(ctx, previous);
    if (previous === "owner" && (await ownerCount(tx, ctx.project.id)) <= 1) {
      throw new AppError("conflict", "The last owner cannot leave; make someone else owner or delete the project");
    }
    await tx.delete(projectMembers).where(and(eq(projectMembers.projectId, ctx.project.id), eq(projectMembers.userId, userId)));
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: self ? "member.leave" : "member.remove",
      resourceType: "user",
      resourceId: userId,
    });
  });
  forgetCallers();
}
