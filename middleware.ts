import { type NextRequest, NextResponse } from "next/server";
import { problem } from "@/lib/http/problem";
import { sameOrigin } from "@/lib/http/same-origin";
import { decodePercent } from "@/lib/validation/percent";

/**
 * The edge of every request: malformed API URLs and cross-site server actions are refused here as
 * problem JSON / 403 (the framework would answer HTML or a 500), and HTML pages get a strict
 * Content-Security-Policy whose per-request nonce Next.js puts on its own scripts.
 */
export function middleware(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const raw = new URL(request.url).pathname;
  if (pathname.startsWith("/api/") && decodePercent(raw) === undefined) {
    return problem(400, "The URL has a broken percent escape (write % as %25)", { instance: raw });
  }
  if (request.method === "POST" && request.headers.has("next-action") && !sameOrigin(request.headers, request.nextUrl.host)) {
    return problem(403, "Cross-site form submission refused", { instance: pathname });
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV !== "production");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

/** Scripts only with this response's nonce (and what they load); styles allow inline attributes, which charts set. */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const config = {
  // Static assets need none of this; everything else (pages, API, server actions) passes through.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
