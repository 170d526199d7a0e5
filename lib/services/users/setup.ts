import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors";
import { getSetting, setSetting } from "../instance";
import { assertStrongPassword, throwUserConflict } from "./sign-up";

export async function setupAvailable(): Promise<boolean> {
  return (await getSetting("setupTokenHash")) !== null;
}

/** Claims a fresh instance with the one-time token printed at first start: the demo admin gets your credentials. */
export async function claimInstance(input: { token: string; username: string; email: string; password: string }) {
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const stored = await getSetting("setupTokenHash", tx);
      if (!stored || stored !== hashToken(input.token))
        throw AppError.field("token", "This setup link is invalid or has already been used", "forbidden");
      const [admin] = await tx.select().from(users).where(eq(users.isAdmin, true)).orderBy(asc(users.createdAt)).limit(1);
      if (!admin) throw new AppError("not_found", "No administrator to claim");
      await tx
        .update(users)
        .set({ username: input.username, email: input.email, passwordHash, updatedAt: new Date() })
        .where(and(eq(users.id, admin.id)));
      await setSetting("setupTokenHash", null, tx);
      return { username: input.username };
    });
  } catch (error) {
    throwUserConflict(error);
  }
}
