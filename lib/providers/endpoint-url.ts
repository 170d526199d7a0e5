const SUFFIX = "/chat/completions";

/**
 * The one stored form of a model URL: the full chat-completions endpoint. Accepts the base URL the
 * OpenAI SDKs take (`https://host/v1`) or the endpoint itself; the query string (Azure's api-version) stays.
 */
export function chatCompletionsUrl(raw: string): string {
  const url = new URL(raw.trim());
  const path = url.pathname.replace(/\/+$/, "");
  url.pathname = path.endsWith(SUFFIX) ? path : `${path}${SUFFIX}`;
  return url.toString();
}

/** The URL as shown in errors: no query string, which may carry a key. */
export function displayUrl(url: URL): string {
  return `${url.origin}${url.pathname}`;
}
