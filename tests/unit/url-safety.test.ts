// env() caches on first call: this file runs with private endpoints refused.
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "false";

import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertSafeLiteralHost, assertSafeUrl, refusalReason } from "@/lib/providers/url-safety";

async function fieldError(url: string): Promise<AppError> {
  const error = await assertSafeUrl(url).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("refusalReason", () => {
  it.each([
    "169.254.169.254",
    "fe80::1",
    "100.100.100.200",
    "fd00:ec2::254",
    "0.0.0.0",
    "::",
    "224.0.0.1",
    "ff02::1",
    "255.255.255.255",
    "240.0.0.1",
  ])("refuses %s even when private endpoints are allowed", (address) => {
    expect(refusalReason(address, true)).not.toBeNull();
    expect(refusalReason(address, false)).not.toBeNull();
  });

  it("names cloud metadata addresses as such", () => {
    expect(refusalReason("100.100.100.200", true)).toMatch(/metadata/);
    expect(refusalReason("fd00:ec2::254", true)).toMatch(/metadata/);
    expect(refusalReason("169.254.169.254", true)).toMatch(/linkLocal/);
  });

  it.each([
    "127.0.0.1",
    "10.0.0.1",
    "192.168.1.1",
    "172.16.0.1",
    "172.31.255.255",
    "fc00::1",
    "::1",
    "100.64.0.1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
  ])("refuses private %s unless private endpoints are allowed", (address) => {
    expect(refusalReason(address, false)).toMatch(/YARDSTICK_ALLOW_PRIVATE_ENDPOINTS/);
    expect(refusalReason(address, true)).toBeNull();
  });

  it("judges an IPv4-mapped address as the IPv4 address it carries", () => {
    expect(refusalReason("::ffff:127.0.0.1", false)).toMatch(/^loopback/);
    expect(refusalReason("::ffff:169.254.169.254", true)).toMatch(/linkLocal/);
    expect(refusalReason("::ffff:8.8.8.8", false)).toBeNull();
  });

  it("sees through NAT64 and 6to4 addresses to the IPv4 address they reach", () => {
    expect(refusalReason("64:ff9b::a9fe:a9fe", true)).toMatch(/linkLocal/);
    expect(refusalReason("64:ff9b::10.0.0.1", false)).toMatch(/^private/);
    expect(refusalReason("64:ff9b::6464:64c8", true)).toMatch(/metadata/);
    expect(refusalReason("2002:7f00:1::1", false)).toMatch(/^loopback/);
    expect(refusalReason("64:ff9b::8.8.8.8", false)).toBeNull();
    expect(refusalReason("2002:0808:0808::1", false)).toBeNull();
  });

  it("refuses special IPv6 ranges that are not plain public unicast", () => {
    expect(refusalReason("2001::1", true)).toMatch(/teredo/);
    expect(refusalReason("100::1", true)).toMatch(/discard/);
    expect(refusalReason("2001:db8::1", true)).not.toBeNull();
  });

  it.each(["8.8.8.8", "1.1.1.1", "2606:4700::1111", "2a00:1450:4001::200e"])("allows public %s", (address) => {
    expect(refusalReason(address, false)).toBeNull();
  });

  it("rejects strings that are not IP addresses", () => {
    expect(refusalReason("example.com", true)).toMatch(/not an IP address/);
  });

  it("uses YARDSTICK_ALLOW_PRIVATE_ENDPOINTS when no setting is passed", () => {
    expect(refusalReason("127.0.0.1")).not.toBeNull();
  });
});

describe("assertSafeUrl", () => {
  it("rejects schemes other than http and https, naming the field", async () => {
    const error = await fieldError("ftp://example.com/v1");
    expect(error.code).toBe("bad_request");
    expect(error.errors[0]?.path).toBe("api_url");
    expect(error.message).toMatch(/http or https/);
  });

  it("names a custom field", async () => {
    await expect(assertSafeUrl("file:///etc/passwd", "webhook_url")).rejects.toMatchObject({ errors: [{ path: "webhook_url" }] });
  });

  it("rejects URLs that are not URLs", async () => {
    expect((await fieldError("not a url")).message).toMatch(/not a valid URL/);
  });

  it("rejects credentials in the URL", async () => {
    const error = await fieldError("https://user:secret@8.8.8.8/v1");
    expect(error.errors[0]?.path).toBe("api_url");
    expect(error.message).toMatch(/credentials/);
  });

  it("rejects literal private and loopback addresses when private endpoints are not allowed", async () => {
    for (const url of ["http://[::1]:8080/v1", "http://127.0.0.1:11434/v1", "http://[::ffff:7f00:1]/v1", "http://10.1.2.3/"]) {
      const error = await fieldError(url);
      expect(error.errors[0]?.path).toBe("api_url");
    }
  });

  it("rejects the metadata endpoint in every spelling", async () => {
    for (const url of ["http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/", "http://[::ffff:a9fe:a9fe]/"]) {
      expect((await fieldError(url)).message).toMatch(/never allowed/);
    }
  });

  it("accepts public literal addresses", async () => {
    await expect(assertSafeUrl("https://8.8.8.8/v1/chat/completions")).resolves.toBeUndefined();
    await expect(assertSafeUrl("https://[2606:4700::1111]/v1")).resolves.toBeUndefined();
  });
});

describe("assertSafeLiteralHost", () => {
  it("throws for unsafe literal hosts and ignores host names", () => {
    expect(() => assertSafeLiteralHost(new URL("http://127.0.0.1/"))).toThrow(/^Refused/);
    expect(() => assertSafeLiteralHost(new URL("http://[fe80::1]/"))).toThrow(/^Refused/);
    expect(() => assertSafeLiteralHost(new URL("http://example.com/"))).not.toThrow();
  });
});
