/**
 * Whether a request's Origin, when it sends one, is this site: `Origin: null` (sandboxed pages,
 * privacy redirects) and unparsable values never are. Compared with the Host the browser used:
 * behind `next start` request.url always says localhost.
 */
export function sameOrigin(headers: Headers, fallbackHost: string): boolean {
  const origin = headers.get("origin");
  if (origin === null) return true;
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? fallbackHost;
  return URL.canParse(origin) && new URL(origin).host === host;
}
