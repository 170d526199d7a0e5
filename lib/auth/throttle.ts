import { eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db";
import { loginThrottle } from "@/db/schema";
import { AppError } from "@/lib/errors";

// Past slowAfter failures each attempt waits longer; at the limit the key is locked for a while.
// An address gets a higher limit than an account: many people can share one address.
export const THROTTLE = { slowAfter: 3, accountLimit: 10, ipLimit: 50, lockMinutes: 15, maxDelayMs: 4000, windowMinutes: 60 };

const limitFor = (key: string) => (key.startsWith("ip:") ? THROTTLE.ipLimit : THROTTLE.accountLimit);

/**
 * The account's key is its user id, so a lock holds whichever identifier (email or username) is
 * typed; a login that names no account is counted by what was typed.
 */
export function throttleKeys(login: string, ip: string | undefined, userId?: string): string[] {
  const keys = [userId ? `user:${userId}` : `login:${login.trim().toLowerCase()}`];
  if (ip) keys.push(`ip:${ip}`);
  return keys;
}

export function delayFor(failures: number): number {
  if (failures < THROTTLE.slowAfter) return 0;
  return Math.min(250 * 2 ** (failures - THROTTLE.slowAfter), THROTTLE.maxDelayMs);
}

/** Throws 429 while any key is locked; otherwise sleeps in proportion to recent failures. */
export async function checkThrottle(keys: string[]): Promise<void> {
  const rows = await db.select().from(loginThrottle).where(inArray(loginThrottle.key, keys));
  const now = Date.now();
  const locked = rows.find((r) => r.lockedUntil && r.lockedUntil.getTime() > now);
  if (locked?.lockedUntil) {
    const minutes = Math.ceil((locked.lockedUntil.getTime() - now) / 60000);
    throw new AppError(
      "too_many_requests",
      `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      [],
      { "Retry-After": String(Math.ceil((locked.lockedUntil.getTime() - now) / 1000)) },
    );
  }
  const recent = rows.filter((r) => now - r.lastFailureAt.getTime() < THROTTLE.windowMinutes * 60000);
  const delay = delayFor(Math.max(0, ...recent.map((r) => r.failures)));
  if (delay > 0) await new Promise((r) => setTimeout(r, delay));
}

export async function recordFailure(keys: string[]): Promise<void> {
  const window = sql.raw(`interval '${THROTTLE.windowMinutes} minutes'`);
  const lock = sql.raw(`interval '${THROTTLE.lockMinutes} minutes'`);
  for (const key of keys) {
    // Failures older than the window start a fresh count; reaching the limit locks the key.
    await db
      .insert(loginThrottle)
      .values({ key, failures: 1 })
      .onConflictDoUpdate({
        target: loginThrottle.key,
        set: {
          failures: sql`case when ${loginThrottle.lastFailureAt} < now() - ${window} then 1 else ${loginThrottle.failures} + 1 end`,
          lastFailureAt: sql`now()`,
          lockedUntil: sql`case when ${loginThrottle.failures} + 1 >= ${limitFor(key)} and ${loginThrottle.lastFailureAt} >= now() - ${window} then now() + ${lock} else ${loginThrottle.lockedUntil} end`,
        },
      });
  }
}

export async function clearFailures(userId: string): Promise<void> {
  await db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKeys("", undefined, userId)[0] as string));
}
