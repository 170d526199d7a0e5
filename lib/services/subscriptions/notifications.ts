import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { events, notifications, projectMembers, projects } from "@/db/schema";
import type { Actor } from "@/lib/auth/context";

/** The bell: the caller's latest notifications in projects they still belong to, and how many are unread. */
export async function listNotifications(actor: Actor, limit = 20) {
  const mine = and(eq(notifications.userId, actor.userId), eq(projectMembers.userId, actor.userId));
  const base = () =>
    db
      .select({ notification: notifications, event: events, project: projects.key })
      .from(notifications)
      .innerJoin(events, eq(events.id, notifications.eventId))
      .innerJoin(projects, eq(projects.id, events.projectId))
      .innerJoin(projectMembers, eq(projectMembers.projectId, events.projectId));
  const rows = await base().where(mine).orderBy(desc(notifications.createdAt)).limit(limit);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .innerJoin(events, eq(events.id, notifications.eventId))
    .innerJoin(projectMembers, eq(projectMembers.projectId, events.projectId))
    .where(and(mine, isNull(notifications.readAt)));
  return {
    unread: unread?.n ?? 0,
    items: rows.map(({ notification: n, event: e, project }) => ({
      id: n.id,
      type: e.type,
      title: e.title,
      link: e.link,
      project,
      read: n.readAt !== null,
      created_at: n.createdAt.toISOString(),
    })),
  };
}

/** Marks the given notifications (or all) as read; only the caller's own. */
export async function markNotificationsRead(actor: Actor, ids?: string[]): Promise<void> {
  await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt), ids ? inArray(notifications.id, ids) : undefined));
}
