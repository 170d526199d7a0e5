import { randomBytes } from "node:crypto";
import type { Actor, ProjectCtx } from "@/lib/auth/context";
import { projectContext } from "@/lib/auth/context";
import type { Role } from "@/lib/auth/roles";
import { inviteMember } from "@/lib/services/projects/members";
import { createProject } from "@/lib/services/projects/projects";
import { createUser } from "@/lib/services/users/sign-up";

const suffix = () => randomBytes(4).toString("hex");

export async function makeUser(
  overrides: { username?: string; password?: string; admin?: boolean } = {},
): Promise<Actor & { password: string; email: string }> {
  const username = overrides.username ?? `user-${suffix()}`;
  const password = overrides.password ?? `Pw-${randomBytes(8).toString("hex")}`;
  const email = `${username}@example.test`;
  const user = await createUser({ username, email, password }, { admin: overrides.admin });
  return { userId: user.id, username: user.username, isAdmin: user.isAdmin, password, email };
}

/** A project owned by a new user, plus contexts for members of each role. */
export async function makeProject(owner?: Actor): Promise<ProjectCtx> {
  const actor = owner ?? (await makeUser());
  const key = `p-${suffix()}`;
  await createProject(actor, { key, name: `Project ${key}`, description: "" });
  return projectContext(actor, { key }, "owner");
}

export async function addMember(ctx: ProjectCtx, role: Role): Promise<ProjectCtx> {
  const user = await makeUser();
  await inviteMember(ctx, { login: user.username, role });
  return projectContext(user, { key: ctx.project.key }, "viewer");
}
