import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, isCommonPassword, verifyPassword } from "@/lib/auth/password";
import { delayFor, THROTTLE, throttleKeys } from "@/lib/auth/throttle";
import { generateToken, hashToken, looksLikeToken, TOKEN_PREFIX } from "@/lib/auth/tokens";

describe("password hashing", () => {
  it("produces an argon2id hash with the OWASP parameters", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    expect(hashed.startsWith("$argon2id$v=19$m=47104,t=1,p=1$")).toBe(true);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });

  it("verifies the right password and rejects a wrong one", async () => {
    const hashed = await hashPassword("correct horse battery staple");
    expect(await verifyPassword(hashed, "correct horse battery staple")).toBe(true);
    expect(await verifyPassword(hashed, "correct horse battery stapl")).toBe(false);
    expect(await verifyPassword(hashed, "")).toBe(false);
  });

  it("returns false for a malformed hash instead of throwing", async () => {
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });
});

describe("isCommonPassword", () => {
  it("flags common passwords in any case", () => {
    expect(isCommonPassword("password123")).toBe(true);
    expect(isCommonPassword("PASSWORD123")).toBe(true);
  });

  it("accepts a random string", () => {
    expect(isCommonPassword("qZ7#mV2!pLx9@wR4")).toBe(false);
  });
});

describe("API tokens", () => {
  it("generates ys_ tokens whose hash is the sha256 hex of the token", () => {
    const { token, prefix, hash } = generateToken();
    expect(token.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(TOKEN_PREFIX).toBe("ys_");
    expect(token).toMatch(/^ys_[\w-]{43}$/);
    expect(prefix).toBe(token.slice(0, 10));
    expect(hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(hashToken(token)).toBe(hash);
  });

  it("never repeats a token", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateToken().token));
    expect(tokens.size).toBe(100);
  });

  it("recognises tokens by prefix and length", () => {
    expect(looksLikeToken(generateToken().token)).toBe(true);
    expect(looksLikeToken("ys_short")).toBe(false);
    expect(looksLikeToken(`xx_${"a".repeat(40)}`)).toBe(false);
    expect(looksLikeToken(`ys_${"a".repeat(300)}`)).toBe(false);
  });
});

describe("login throttle", () => {
  it("does not slow the first few failures", () => {
    for (let i = 0; i < THROTTLE.slowAfter; i++) expect(delayFor(i)).toBe(0);
  });

  it("doubles the delay per further failure up to the cap", () => {
    expect(delayFor(THROTTLE.slowAfter)).toBe(250);
    expect(delayFor(THROTTLE.slowAfter + 1)).toBe(500);
    expect(delayFor(THROTTLE.slowAfter + 2)).toBe(1000);
    expect(delayFor(100)).toBe(THROTTLE.maxDelayMs);
    for (let i = 1; i < 30; i++) expect(delayFor(i)).toBeGreaterThanOrEqual(delayFor(i - 1));
  });

  it("keys on the normalised login and the address", () => {
    expect(throttleKeys("  Alice@Example.COM ", "203.0.113.9")).toEqual(["login:alice@example.com", "ip:203.0.113.9"]);
    expect(throttleKeys("bob", undefined)).toEqual(["login:bob"]);
    expect(throttleKeys("bob", "203.0.113.9", "u-1")).toEqual(["user:u-1", "ip:203.0.113.9"]);
  });

  it("gives an address a higher limit than an account", () => {
    expect(THROTTLE.ipLimit).toBeGreaterThan(THROTTLE.accountLimit);
  });
});
