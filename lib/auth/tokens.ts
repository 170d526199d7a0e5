import { createHash, randomBytes } from "node:crypto";

export const TOKEN_PREFIX = "ys_";

/** API tokens carry 256 random bits, so a fast hash is enough to store them safely. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function generateToken(): { token: string; prefix: string; hash: string } {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { token, prefix: token.slice(0, 10), hash: hashToken(token) };
}

export function looksLikeToken(value: string): boolean {
  return value.startsWith(TOKEN_PREFIX) && value.length > 20 && value.length < 200;
}
