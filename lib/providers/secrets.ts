import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { secretKey } from "@/lib/env";

// AES-256-GCM; the stored form is "v1:<iv>:<tag>:<ciphertext>" in base64url.
function key(): Buffer {
  return createHash("sha256").update(secretKey()).digest();
}

export function encryptSecret(plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(":");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised secret format");
  // A fixed tag length: otherwise GCM accepts a truncated tag, which is far easier to forge.
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"), { authTagLength: 16 });
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

export function maskSecret(last4: string | null): string | null {
  return last4 === null ? null : `••••${last4}`;
}
