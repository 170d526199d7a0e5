import { lookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

// Cloud metadata services that are not link-local (AWS IPv6, Alibaba); link-local is refused anyway.
const METADATA_ADDRESSES = new Set(["fd00:ec2::254", "100.100.100.200"]);
const PRIVATE = new Set(["loopback", "private", "uniqueLocal", "carrierGradeNat"]);

const v4 = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);

/** IPv6 forms that carry an IPv4 address (mapped, NAT64, 6to4) reach that address, so judge it instead. */
function unwrap(ip: ipaddr.IPv4 | ipaddr.IPv6): { ip: ipaddr.IPv4 | ipaddr.IPv6; range: string } {
  if (ip.kind() === "ipv4") return { ip, range: ip.range() };
  const v6 = ip as ipaddr.IPv6;
  const p = v6.parts;
  const range = v6.range();
  if (range === "ipv4Mapped") return unwrap(v6.toIPv4Address());
  // 64:ff9b::/96 is the well-known NAT64 prefix; the local-use 64:ff9b:1::/48 only exists inside a private network.
  if (range === "rfc6052") return p[2] === 0 ? unwrap(v4(p[6] ?? 0, p[7] ?? 0)) : { ip, range: "private" };
  if (range === "6to4") return unwrap(v4(p[1] ?? 0, p[2] ?? 0));
  return { ip, range };
}

/** Why an address may not be called, or null when it may. Only public unicast passes by default. */
export function refusalReason(address: string, allowPrivate = env().YARDSTICK_ALLOW_PRIVATE_ENDPOINTS): string | null {
  if (!ipaddr.isValid(address)) return `"${address}" is not an IP address`;
  const { ip, range } = unwrap(ipaddr.parse(address));
  if (METADATA_ADDRESSES.has(ip.toNormalizedString()) || METADATA_ADDRESSES.has(ip.toString()))
    return "cloud metadata addresses are never allowed";
  if (PRIVATE.has(range)) {
    return allowPrivate ? null : `${range} addresses are refused (set YARDSTICK_ALLOW_PRIVATE_ENDPOINTS=true to allow local endpoints)`;
  }
  // An allowlist: link-local, multicast, reserved, Teredo and any range ipaddr.js adds later are refused.
  if (range !== "unicast") return `${range} addresses are never allowed`;
  return null;
}

function hostOf(url: URL): string {
  return url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
}

/** Checks a URL's scheme and every address its host resolves to. Throws a field error naming `field`. */
export async function assertSafeUrl(raw: string, field = "api_url"): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw AppError.field(field, `${field} is not a valid URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw AppError.field(field, `${field} must use http or https`);
  if (url.username || url.password) throw AppError.field(field, `${field} must not contain credentials; use api_key`);
  const host = hostOf(url);
  let addresses: LookupAddress[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: host.includes(":") ? 6 : 4 }] : await lookup(host, { all: true });
  } catch {
    throw AppError.field(field, `${field}: the host "${host}" could not be resolved`);
  }
  for (const { address } of addresses) {
    const reason = refusalReason(address);
    if (reason) throw AppError.field(field, `${field} points to ${address}: ${reason}`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A dns.lookup replacement for outbound sockets: resolves, then refuses unsafe addresses, so a DNS
 * answer that changes after the URL was saved (rebinding) is still caught at connect time.
 */
export function guardedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  lookup(hostname, { all: true })
    .then((addresses) => {
      for (const { address } of addresses) {
        const reason = refusalReason(address);
        if (reason)
          return callback(
            Object.assign(new Error(`Refused to connect to ${hostname} (${address}): ${reason}`), { code: "EREFUSED_UNSAFE" }),
            [],
          );
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0];
      if (!first) return callback(Object.assign(new Error(`No address for ${hostname}`), { code: "ENOTFOUND" }), []);
      callback(null, first.address, first.family);
    })
    .catch((error: NodeJS.ErrnoException) => callback(error, []));
}

/** Verdicts on literal hosts by (allowPrivate, host): every call checks its URL, and parsing the address showed in profiles. */
const literalVerdicts = new Map<string, string | null>();

/** The literal-IP half of the check, for each hop of a redirect chain (literals skip DNS lookup). */
export function assertSafeLiteralHost(url: URL): void {
  const host = hostOf(url);
  const allowPrivate = env().YARDSTICK_ALLOW_PRIVATE_ENDPOINTS;
  const key = `${allowPrivate}:${host}`;
  let reason = literalVerdicts.get(key);
  if (reason === undefined) {
    if (literalVerdicts.size >= 1000) literalVerdicts.clear();
    reason = ipaddr.isValid(host) ? refusalReason(host, allowPrivate) : null;
    literalVerdicts.set(key, reason);
  }
  if (reason) throw new Error(`Refused to call ${url.origin}: ${reason}`);
}
