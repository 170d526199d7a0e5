"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { projectAction } from "@/lib/http/action";
import { changeRole, inviteMember, removeMember } from "@/lib/services/projects/members";
import { ChangeRole, InviteMember } from "@/lib/validation/projects";

export const inviteMemberAction = projectAction("member.manage", InviteMember, async (ctx, input) => {
  const member = await inviteMember(ctx, input);
  revalidatePath(`/${ctx.project.key}/settings/members`);
  return member;
});

export const changeRoleAction = projectAction("member.manage", ChangeRole, async (ctx, { userId, role }) => {
  await changeRole(ctx, userId, role);
  revalidatePath(`/${ctx.project.key}`, "layout");
  return { userId, role };
});

export const removeMemberAction = projectAction("member.manage", z.object({ userId: z.uuid("Unknown user") }), async (ctx, { userId }) => {
  await removeMember(ctx, userId);
  revalidatePath(`/${ctx.project.key}/settings/members`);
  return { userId };
});
