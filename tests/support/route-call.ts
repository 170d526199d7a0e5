type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export type CallResult = { status: number; type: string | null; headers: Headers; text: string; json: unknown };

/** Calls a real route handler with a real Request: the same code path Next.js runs, minus the server. */
export async function callRoute(
  handler: unknown,
  path: string,
  opts: {
    token?: string;
    method?: string;
    body?: unknown;
    params?: Record<string, string | string[]>;
    headers?: Record<string, string>;
  } = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const request = new Request(`http://localhost${path}`, {
    method: opts.method ?? "GET",
    headers,
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const response = await (handler as Handler)(request, { params: Promise.resolve(opts.params ?? {}) });
  const text = await response.text();
  const type = response.headers.get("content-type");
  return {
    status: response.status,
    type,
    headers: response.headers,
    text,
    json: type?.includes("json") && !type.includes("ndjson") && text ? JSON.parse(text) : null,
  };
}
