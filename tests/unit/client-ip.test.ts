import { describe, expect, it } from "vitest";
import { clientIp, PEER_HEADER, parseTrustedProxies, requestClientIp } from "@/lib/http/client-ip";

const proxies = parseTrustedProxies("10.0.0.0/8, ::1, not-an-address");

describe("the client address for throttling", () => {
  it("is the socket peer, whatever X-Forwarded-For a client sends", () => {
    expect(clientIp("203.0.113.7", "198.51.100.1", [])).toBe("203.0.113.7");
    expect(clientIp("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
    expect(clientIp("::ffff:203.0.113.7", null, [])).toBe("203.0.113.7");
  });

  it("behind a trusted proxy, is the nearest forwarded hop that is not a trusted proxy", () => {
    expect(clientIp("10.1.2.3", "198.51.100.1, 203.0.113.9", proxies)).toBe("203.0.113.9");
    expect(clientIp("10.1.2.3", "spoofed, 203.0.113.9, 10.9.9.9", proxies)).toBe("203.0.113.9");
    expect(clientIp("::1", "198.51.100.4", proxies)).toBe("198.51.100.4");
    expect(clientIp("10.1.2.3", "", proxies)).toBe("10.1.2.3");
  });

  it("reads the peer from the header Yardstick's web server sets, not from client headers", () => {
    expect(requestClientIp(new Headers({ "x-forwarded-for": "1.2.3.4" }), undefined)).toBeUndefined();
    expect(requestClientIp(new Headers({ [PEER_HEADER]: "203.0.113.7", "x-forwarded-for": "1.2.3.4" }), undefined)).toBe("203.0.113.7");
    expect(requestClientIp({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "198.51.100.8" }, "10.0.0.0/8")).toBe("198.51.100.8");
  });
});
