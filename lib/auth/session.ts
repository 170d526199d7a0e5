import { eq } from "drizzle-orm";
import { getServerSession } from "next-auth";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { Actor } from "./context";
import { authOptions } from "./options";

/** The signed-in user from the session cookie, re-read from the database so deleted users lose access. */
export async function sessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const [user] = await db.select({ id: users.id, username: users.username, isAdmin: users.isAdmin }).from(users).where(eq(users.id, id));
  return user ? { userId: user.id, username: user.username, isAdmin: user.isAdmin } : null;
}
