import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// The key comes from the environment; the data directory is a throwaway in case anything falls back to it.
process.env.YARDSTICK_SECRET_KEY = "unit-test-secret-key-0123456789abcdefghijklmnop";
process.env.YARDSTICK_DATA_DIR = mkdtempSync(path.join(tmpdir(), "yardstick-secrets-"));

import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/providers/secrets";

/** Flips one bit of one base64url part of the stored form. */
function tamper(stored: string, part: 1 | 2 | 3): string {
  const parts = stored.split(":");
  const bytes = Buffer.from(parts[part] ?? "", "base64url");
  bytes[0] = (bytes[0] ?? 0) ^ 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(":");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips ASCII, Unicode and long values", () => {
    for (const secret of ["sk-abc123", "pässwörd 🔑", "x".repeat(5000)]) {
      expect(decryptSecret(encryptSecret(secret))).toBe(secret);
    }
  });

  it("round-trips the empty string", () => {
    expect(decryptSecret(encryptSecret(""))).toBe("");
  });

  it("uses the v1 format and never contains the plaintext", () => {
    const stored = encryptSecret("sk-live-very-secret");
    expect(stored).toMatch(/^v1:[\w-]+:[\w-]+:[\w-]+$/);
    expect(stored).not.toContain("very-secret");
  });

  it("gives a different ciphertext every time (random IV)", () => {
    const a = encryptSecret("same");
    const b = encryptSecret("same");
    expect(a).not.toBe(b);
    expect(a.split(":")[1]).not.toBe(b.split(":")[1]);
  });

  it("throws when the ciphertext, tag or IV is tampered with", () => {
    const stored = encryptSecret("sk-abc123");
    expect(() => decryptSecret(tamper(stored, 3))).toThrow();
    expect(() => decryptSecret(tamper(stored, 2))).toThrow();
    expect(() => decryptSecret(tamper(stored, 1))).toThrow();
  });

  it("throws for a truncated authentication tag", () => {
    const parts = encryptSecret("sk-abc123").split(":");
    const tag = Buffer.from(parts[2] ?? "", "base64url");
    for (const length of [4, 8, 12]) {
      const truncated = [parts[0], parts[1], tag.subarray(0, length).toString("base64url"), parts[3]].join(":");
      expect(() => decryptSecret(truncated)).toThrow();
    }
  });

  it("throws for unrecognised formats", () => {
    expect(() => decryptSecret("sk-plaintext")).toThrow(/Unrecognised/);
    expect(() => decryptSecret(encryptSecret("x").replace(/^v1/, "v2"))).toThrow(/Unrecognised/);
  });
});

describe("maskSecret", () => {
  it("shows only the last four characters", () => {
    expect(maskSecret("c123")).toBe("••••c123");
    expect(maskSecret(null)).toBeNull();
  });
});
