import { hash, type Options, verify } from "@node-rs/argon2";
import commonPasswords from "fxa-common-password-list";

// OWASP's argon2id baseline: 46 MiB, one pass, one lane (2 = Argon2id; the enum is const-only).
const ARGON2: Options = { algorithm: 2 as Options["algorithm"], memoryCost: 47104, timeCost: 1, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

export function isCommonPassword(password: string): boolean {
  return commonPasswords.test(password) || commonPasswords.test(password.toLowerCase());
}
