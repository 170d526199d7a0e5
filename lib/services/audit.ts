import { auditLog } from "@/db/schema";
import type { Executor } from "@/db";
import type { Actor } from "@/lib/auth/context";

type Entry = { action: string; resourceType: string; resourceId?: string; details?: Record<string, unknown> };

/**
 * Call inside the transaction that makes the change, so the log and the change commit together.
 * `actor` null: the system did it (a scheduled job), not a user.
 */
export async function recordAudit(tx: Executor, actor: Actor | null, projectId: string | null, entry: Entry): Promise<void> {
  await tx.insert(auditLog).values({
    projectId,
    actorUserId: actor?.userId ?? null,
    actorTokenId: actor?.tokenId ?? null,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    details: entry.details ?? {},
  });
}
