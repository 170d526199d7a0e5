import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, projectMembers } from "@/db/schema";
import { projectContext } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { changeRole, inviteMember, listMembers, removeMember } from "@/lib/services/projects/members";
import { createProject, deleteProject } from "@/lib/services/projects/projects";
import { addMember, makeProject, makeUser } from "../support/factories";

async function rejects(promise: Promise<unknown>, code: string) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

describe("projects and roles", () => {
  it("makes the creator owner and writes the audit row with the change", async () => {
    const ctx = await makeProject();
    expect(ctx.role).toBe("owner");
    const rows = await db.select().from(auditLog).where(eq(auditLog.projectId, ctx.project.id));
    expect(rows.map((r) => r.action)).toEqual(["project.create"]);
  });

  it("rejects a duplicate key with a field error", async () => {
    const ctx = await makeProject();
    const error = await rejects(createProject(ctx.actor, { key: ctx.project.key, name: "x", description: "" }), "conflict");
    expect(error.errors[0]?.path).toBe("key");
  });

  it("hides other projects as 404 and enforces role levels with 403", async () => {
    const a = await makeProject();
    const b = await makeProject();
    await rejects(projectContext(a.actor, { key: b.project.key }, "viewer"), "not_found");
    await rejects(projectContext(a.actor, { id: b.project.id }, "viewer"), "not_found");
    const viewer = await addMember(a, "viewer");
    await rejects(projectContext(viewer.actor, { key: a.project.key }, "member"), "forbidden");
    const member = await addMember(a, "member");
    expect((await projectContext(member.actor, { key: a.project.key }, "member")).role).toBe("member");
    await rejects(projectContext(member.actor, { key: a.project.key }, "admin"), "forbidden");
  });

  it("invites by username or email, once", async () => {
    const ctx = await makeProject();
    const user = await makeUser();
    await inviteMember(ctx, { login: user.email.toUpperCase(), role: "viewer" });
    await rejects(inviteMember(ctx, { login: user.username, role: "viewer" }), "conflict");
    await rejects(inviteMember(ctx, { login: "nobody-here", role: "viewer" }), "not_found");
    expect((await listMembers(ctx)).map((m) => m.username)).toContain(user.username);
  });

  it("lets only owners grant owner, and never drops the last owner", async () => {
    const owner = await makeProject();
    const admin = await addMember(owner, "admin");
    const member = await addMember(owner, "member");
    await rejects(changeRole(admin, member.actor.userId, "owner"), "forbidden");
    await rejects(changeRole(owner, owner.actor.userId, "admin"), "conflict");
    await rejects(removeMember(owner, owner.actor.userId), "conflict");
    await changeRole(owner, member.actor.userId, "owner");
    await removeMember(owner, owner.actor.userId);
    const [left] = await db
      .select()
      .from(projectMembers)
      .where(and(eq(projectMembers.projectId, owner.project.id), eq(projectMembers.userId, owner.actor.userId)));
    expect(left).toBeUndefined();
  });

  it("lets any member leave but only admins remove others", async () => {
    const owner = await makeProject();
    const a = await addMember(owner, "member");
    const b = await addMember(owner, "member");
    await rejects(removeMember(a, b.actor.userId), "forbidden");
    await removeMember(a, a.actor.userId);
    await rejects(projectContext(a.actor, { key: owner.project.key }, "viewer"), "not_found");
  });

  it("deletes a project only with its key typed as confirmation", async () => {
    const ctx = await makeProject();
    await rejects(deleteProject(ctx, "wrong"), "bad_request");
    await deleteProject(ctx, ctx.project.key);
    await rejects(projectContext(ctx.actor, { key: ctx.project.key }, "viewer"), "not_found");
  });
});
