import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { apiTokens, projectMembers, users } from "@/db/schema";
import type { Actor, ProjectCtx } from "@/lib/auth/context";
import { atLeast, type Role } from "@/lib/auth/roles";
import { generateToken, hashToken, looksLikeToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import type { CreateToken } from "@/lib/validation/projects";
import { recordAudit } from "../audit";
import { forgetCallers } from "@/lib/auth/caller-cache";

/** Creates a token acting as the caller, capped at `role` (never above the caller's own role). */
export async function createToken(ctx: ProjectCtx, input: CreateToken) {
  if (!atLeast(ctx.role, input.role)) throw AppError.field("role", `A token cannot have more rights than you (${ctx.role})`, "forbidden");
  const { token, prefix, hash } = generateToken();
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({
        projectId: ctx.project.id,
        userId: ctx.actor.userId,
        name: input.name,
        prefix,
        tokenHash: hash,
        role: input.role,
        expiresAt,
      })
      .returning({
        id: apiTokens.id,
        name: apiTokens.name,
        prefix: apiTokens.prefix,
        role: apiTokens.role,
        expiresAt: apiTokens.expiresAt,
      });
    if (!created) throw new Error("insert returned no row");
    await recordAudit(tx, ctx.actor, ctx.project.id, {
      action: "token.create",
      resourceType: "api_token",
      resourceId: created.id,
      details: { name: input.name, role: input.role },
    });
    return created;
  });
  return { ...row, token };
}

export async function listTokens(ctx: ProjectCtx) {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      role: apiTokens.role,
      owner: users.username,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .leftJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.projectId, ctx.project.id))
    .orderBy(desc(apiTokens.createdAt));
}

export async function revokeToken(ctx: ProjectCtx, tokenId: string) {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.projectId, ctx.project.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (!row) throw new AppError("not_found", "Token not found or already revoked");
    await recordAudit(tx, ctx.actor, ctx.project.id, { action: "token.revoke", resourceType: "api_token", resourceId: tokenId });
  });
  forgetCallers();
}

/** Resolves a bearer token to its actor and project; null when unknown, revoked, expired or orphaned. */
export async function resolveToken(token: string): Promise<{ actor: Actor; projectId: string } | null> {
  if (!looksLikeToken(token)) return null;
  const [row] = await db
    .select({ token: apiTokens, user: { id: users.id, username: users.username, isAdmin: users.isAdmin }, member: projectMembers.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .innerJoin(projectMembers, and(eq(projectMembers.projectId, apiTokens.projectId), eq(projectMembers.userId, apiTokens.userId)))
    .where(eq(apiTokens.tokenHash, hashToken(token)));
  if (!row || row.token.revokedAt || (row.token.expiresAt && row.token.expiresAt.getTime() <= Date.now())) return null;
  // Record use at most once a minute, so busy automation does not write on every request.
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(eq(apiTokens.id, row.token.id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`))),
    );
  return {
    // Instance-admin rights pass through a token only when the token itself is capped at admin.
    actor: {
      userId: row.user.id,
      username: row.user.username,
      isAdmin: row.user.isAdmin && atLeast(row.token.role, "admin"),
      tokenId: row.token.id,
      tokenRole: row.token.role as Role,
    },
    projectId: row.token.projectId,
  };
}
