import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { middleware } from "@/middleware";

const request = (url: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
  new NextRequest(new URL(url, "http://yardstick.test"), {
    method: init.method ?? "GET",
    headers: { host: "yardstick.test", ...init.headers },
  });

describe("the edge middleware", () => {
  it("gives each page its own nonce in a strict CSP and hands the nonce to the renderer", () => {
    const a = middleware(request("/demo/models"));
    const b = middleware(request("/demo/models"));
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("'strict-dynamic'");
    expect(csp).toContain("object-src 'none'");
    expect(b.headers.get("content-security-policy")).not.toBe(csp);
    expect(a.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
  });

  it("answers a broken percent escape under /api with problem JSON", async () => {
    const response = middleware(request("/api/v1/models/%E0%A4%A"));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("refuses a server action posted from another site or from Origin: null, and lets same-site ones through", () => {
    const action = (origin: string) => middleware(request("/demo/models", { method: "POST", headers: { "next-action": "abc", origin } }));
    expect(action("https://evil.example").status).toBe(403);
    expect(action("null").status).toBe(403);
    expect(action("http://yardstick.test").status).toBe(200);
  });
});
