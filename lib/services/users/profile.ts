import { and, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { projectMembers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/context";
import { AppError } from "@/lib/errors";
import { throwUserConflict } from "./sign-up";
import type { UpdateProfile } from "@/lib/validation/users";

export async function getOwnProfile(actor: Actor) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user) throw new AppError("not_found", "User not found");
  const { passwordHash: _, ...profile } = user;
  return profile;
}

export async function updateProfile(actor: Actor, input: UpdateProfile) {
  try {
    const [user] = await db
      .update(users)
      .set({
        ...input,
        avatarUrl: input.avatarUrl === "" ? null : input.avatarUrl,
        updatedAt: new Date(),
      })
      .where(eq(users.id, actor.userId))
      .returning({ id: users.id });
    if (!user) throw new AppError("not_found", "User not found");
  } catch (error) {
    throwUserConflict(error);
  }
}

/**
 * Another user's profile as the viewer may see it: only users who share a project are visible, and
 * only the fields their display options allow.
 */
export async function getPublicProfile(actor: Actor, username: string) {
  const [user] = await db.select().from(users).where(eq(users.username, username));
  if (!user) throw new AppError("not_found", "User not found");
  if (user.id !== actor.userId && !actor.isAdmin) {
    const mine = db.select({ id: projectMembers.projectId }).from(projectMembers).where(eq(projectMembers.userId, actor.userId));
    const [shared] = await db
      .select({ id: projectMembers.projectId })
      .from(projectMembers)
      .where(and(eq(projectMembers.userId, user.id), inArray(projectMembers.projectId, mine)))
      .limit(1);
    if (!shared) throw new AppError("not_found", "User not found");
  }
  const show = user.id === actor.userId ? { fullName: true, email: true, bio: true, avatar: true } : user.displayOptions;
  return {
    username: user.username,
    fullName: show.fullName ? user.fullName : null,
    email: show.email ? user.email : null,
    bio: show.bio ? user.bio : null,
    avatarUrl: show.avatar ? user.avatarUrl : null,
  };
}
