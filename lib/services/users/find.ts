import { eq, or, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users } from "@/db/schema";

/** Finds a user by email or username, case-insensitively. */
export async function findUserByLogin(login: string, tx: Executor = db) {
  const value = login.trim().toLowerCase();
  const [user] = await tx
    .select()
    .from(users)
    .where(or(eq(sql`lower(${users.email})`, value), eq(sql`lower(${users.username})`, value)))
    .limit(1);
  return user;
}
