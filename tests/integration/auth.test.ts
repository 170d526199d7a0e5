import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import { db } from "@/db";
import { apiTokens, loginThrottle } from "@/db/schema";
import { THROTTLE } from "@/lib/auth/throttle";
import { PEER_HEADER } from "@/lib/http/client-ip";
import type { AppError } from "@/lib/errors";
import { createToken, resolveToken, revokeToken } from "@/lib/services/tokens/tokens";
import { authenticate } from "@/lib/services/users/authenticate";
import { addMember, makeProject, makeUser } from "../support/factories";
import { callRoute } from "../support/route-call";

const failure = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

describe("sign-in throttling", () => {
  it("slows and then locks an account after repeated failures, with a clear message", async () => {
    const user = await makeUser();
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      const error = await failure(authenticate(user.username, "wrong password", `10.9.0.${i}`));
      expect(error?.code).toBe("unauthorized");
    }
    const locked = await failure(authenticate(user.username, user.password, "10.9.1.1"));
    expect(locked?.code).toBe("too_many_requests");
    expect(locked?.message).toMatch(/Try again in 15 minutes/);
    expect(Number(locked?.headers["Retry-After"])).toBeGreaterThan(800);
  }, 60_000);

  it("succeeds with the right password before the limit and clears the count", async () => {
    const user = await makeUser();
    await failure(authenticate(user.email, "wrong", "10.8.0.1"));
    expect((await authenticate(user.email.toUpperCase(), user.password, "10.8.0.1")).id).toBe(user.userId);
  });
});

describe("API tokens", () => {
  it("stores only a hash, resolves with the capped role, and stops working when revoked", async () => {
    const ctx = await makeProject();
    const created = await createToken(ctx, { name: "ci", role: "member" });
    expect(created.token).toMatch(/^ys_/);
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const resolved = await resolveToken(created.token);
    expect(resolved?.projectId).toBe(ctx.project.id);
    expect(resolved?.actor.tokenRole).toBe("member");
    await revokeToken(ctx, created.id);
    expect(await resolveToken(created.token)).toBeNull();
    expect(await resolveToken("ys_not-a-real-token-at-all-000000")).toBeNull();
  });

  it("never grants a token more than its creator has, and expires", async () => {
    const owner = await makeProject();
    const member = await addMember(owner, "member");
    const error = await failure(createToken(member, { name: "x", role: "admin" }));
    expect(error?.code).toBe("forbidden");
    const t = await createToken(owner, { name: "short", role: "viewer", expiresInDays: 1 });
    await db
      .update(apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiTokens.id, t.id));
    expect(await resolveToken(t.token)).toBeNull();
  });
});

describe("the account lock", () => {
  it("holds whichever identifier is typed, on the token exchange too", async () => {
    const user = await makeUser();
    await makeProject(user);
    await failure(authenticate(user.email, "wrong", "10.7.0.1"));
    // Skip the growing delays of the first failures: put the account one failure short of its limit.
    await db.execute(sql`update login_throttle set failures = ${THROTTLE.accountLimit - 1} where key not like 'ip:%'`);
    expect((await failure(authenticate(user.email, "wrong", "10.7.0.2")))?.code).toBe("unauthorized");
    expect((await failure(authenticate(user.username, user.password, "10.7.0.3")))?.code).toBe("too_many_requests");
    expect((await failure(authenticate(user.email.toUpperCase(), user.password, "10.7.0.4")))?.code).toBe("too_many_requests");
    const res = await callRoute(tokenRoute.POST, "/api/v1/auth/token", {
      method: "POST",
      body: { login: user.username, password: user.password, name: "ci" },
    });
    expect(res.status).toBe(429);
  }, 30_000);
});

describe("the address sign-in throttling counts", () => {
  it("is the peer Yardstick's server stamped, never a client's X-Forwarded-For", async () => {
    const user = await makeUser();
    await makeProject(user);
    const res = await callRoute(tokenRoute.POST, "/api/v1/auth/token", {
      method: "POST",
      body: { login: user.username, password: "wrong", name: "ci" },
      headers: { "x-forwarded-for": "198.51.100.77", [PEER_HEADER]: "203.0.113.55" },
    });
    expect(res.status).toBe(401);
    const keys = (await db.select({ key: loginThrottle.key }).from(loginThrottle)).map((r) => r.key);
    expect(keys).toContain("ip:203.0.113.55");
    expect(keys).not.toContain("ip:198.51.100.77");
  });
});
