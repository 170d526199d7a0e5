import { sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { users } from "@/db/schema";
import { hashPassword, isCommonPassword } from "@/lib/auth/password";
import { AppError, uniqueViolation } from "@/lib/errors";
import type { SignUp } from "@/lib/validation/users";
import { getSetting } from "../instance";

export function assertStrongPassword(password: string, field = "password"): void {
  if (isCommonPassword(password)) {
    throw AppError.field(field, "This password is among the most common passwords; choose another");
  }
}

/** Creates a user; `opts.admin` forces instance admin, and the very first user always becomes one. */
export async function createUser(input: SignUp, opts: { admin?: boolean; tx?: Executor } = {}) {
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const tx = opts.tx ?? db;
  const [{ count } = { count: 0 }] = await tx.select({ count: sql<number>`count(*)::int` }).from(users);
  try {
    const [user] = await tx
      .insert(users)
      .values({ username: input.username, email: input.email, passwordHash, isAdmin: opts.admin || count === 0 })
      .returning();
    if (!user) throw new Error("insert returned no row");
    return user;
  } catch (error) {
    throwUserConflict(error);
  }
}

/** Turns a duplicate username or email into a field error; rethrows anything else. */
export function throwUserConflict(error: unknown): never {
  const constraint = uniqueViolation(error);
  if (constraint === "users_username_key") throw AppError.field("username", "This username is taken", "conflict");
  if (constraint === "users_email_key") throw AppError.field("email", "An account with this email already exists", "conflict");
  throw error;
}

export async function signUp(input: SignUp) {
  const [{ count } = { count: 0 }] = await db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count > 0 && !(await getSetting("openSignup"))) {
    throw new AppError("forbidden", "Sign-up is closed on this instance; ask an administrator for an invitation");
  }
  return createUser(input);
}
