import ipaddr from "ipaddr.js";

/** Set by Yardstick's web server (lib/server/web-server.ts) on every request to the socket's peer address; a client's own value is overwritten. */
export const PEER_HEADER = "x-yardstick-peer";

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** YARDSTICK_TRUSTED_PROXIES: comma-separated addresses or CIDR ranges; entries that do not parse are ignored. */
export function parseTrustedProxies(list: string | undefined): Range[] {
  return (list ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .flatMap((entry): Range[] => {
      if (ipaddr.isValidCIDR(entry)) return [ipaddr.parseCIDR(entry)];
      if (!ipaddr.isValid(entry)) return [];
      const ip = ipaddr.process(entry);
      return [[ip, ip.kind() === "ipv4" ? 32 : 128]];
    });
}

function normalize(address: string): string | undefined {
  return ipaddr.isValid(address) ? ipaddr.process(address).toString() : undefined;
}

function trusted(address: string, ranges: Range[]): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.process(address);
  return ranges.some(([range, bits]) => range.kind() === ip.kind() && ip.match(range, bits));
}

/**
 * The address sign-in throttling counts: the socket peer; only when the peer is a trusted proxy, the
 * nearest X-Forwarded-For hop that is not one. A header a client sets itself is never believed.
 */
export function clientIp(peer: string | undefined | null, forwardedFor: string | undefined | null, ranges: Range[]): string | undefined {
  if (!peer || !trusted(peer, ranges)) return peer ? normalize(peer) : undefined;
  const hops = (forwardedFor ?? "").split(",").map((hop) => hop.trim());
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] as string;
    if (!trusted(hop, ranges)) return normalize(hop) ?? normalize(peer);
  }
  return normalize(peer);
}

/** The client address of a request, from the Web Headers of a route handler or the header record next-auth passes. */
export function requestClientIp(
  headers: Headers | Record<string, unknown> | undefined,
  trustedProxies: string | undefined,
): string | undefined {
  const get = (name: string) => {
    const value = headers instanceof Headers ? headers.get(name) : headers?.[name];
    return typeof value === "string" ? value : undefined;
  };
  return clientIp(get(PEER_HEADER), get("x-forwarded-for"), parseTrustedProxies(trustedProxies));
}
