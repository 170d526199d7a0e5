import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { users } from "@/db/schema";
import type { AppError } from "@/lib/errors";
import { setSetting } from "@/lib/services/instance";
import { signUp } from "@/lib/services/users/sign-up";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

// Its own file: "the first user becomes admin" needs an empty users table.
describe("sign-up", () => {
  it("makes the first user admin, rejects common passwords, and honours closed sign-up", async () => {
    const first = await signUp({ username: "first", email: "first@example.test", password: "long enough pass" });
    expect(first.isAdmin).toBe(true);
    const weak = await failure(signUp({ username: "weak", email: "weak@example.test", password: "password123" }));
    expect(weak?.errors[0]?.path).toBe("password");
    const taken = await failure(signUp({ username: "FIRST", email: "other@example.test", password: "long enough pass" }));
    expect(taken?.errors[0]?.path).toBe("username");
    const second = await signUp({ username: "second", email: "second@example.test", password: "long enough pass" });
    expect(second.isAdmin).toBe(false);
    await setSetting("openSignup", false);
    const closed = await failure(signUp({ username: "third", email: "third@example.test", password: "long enough pass" }));
    expect(closed?.code).toBe("forbidden");
    const [stored] = await db.select().from(users).where(eq(users.username, "second"));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=47104,t=1,p=1\$/);
  });
});
