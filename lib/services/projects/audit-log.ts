import { count, desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { ProjectCtx } from "@/lib/auth/context";
import type { Page } from "@/lib/http/pagination";

export async function listAuditLog(ctx: ProjectCtx, page: Page) {
  const where = eq(auditLog.projectId, ctx.project.id);
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        action: auditLog.action,
        resourceType: auditLog.resourceType,
        resourceId: auditLog.resourceId,
        details: auditLog.details,
        actor: users.username,
        viaToken: auditLog.actorTokenId,
        createdAt: auditLog.createdAt,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(where)
      .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
      .limit(page.per_page)
      .offset((page.page - 1) * page.per_page),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, count: total?.n ?? 0, page: page.page, per_page: page.per_page };
}
