import { afterEach, describe, expect, it } from "vitest";
import { type ListenerContext, type RouteServer, startRouteServer } from "@/lib/server/route-server";

// The listener hands handlers a Request that builds undici's only when read beyond method, URL and headers.get:
// whatever a handler reads must be what the client sent.
let server: RouteServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

type Handler = (request: Request, context: ListenerContext) => Promise<Response>;
const serve = async (handler: Handler) => {
  server = await startRouteServer({ "/r": { POST: handler } });
  return `${server.url}/r`;
};
const send = (url: string, headers: Record<string, string> = {}) => fetch(url, { method: "POST", headers, body: '{"a":1}' });

describe("route server's Request", () => {
  it("answers method, URL and headers as sent, case-insensitively, and is a Request with Headers", async () => {
    const url = await serve(async (request, { bodyText }) =>
      Response.json({
        method: request.method,
        query: new URL(request.url).searchParams.get("q"),
        auth: request.headers.get("Authorization"),
        missing: request.headers.get("x-missing"),
        has: request.headers.has("X-Custom"),
        isRequest: request instanceof Request && request.headers instanceof Headers && "signal" in request && !("then" in request),
        bodyText,
      }),
    );
    const answer = await (await send(`${url}?q=%C3%A9`, { authorization: "Bearer t", "x-custom": "1" })).json();
    expect(answer).toEqual({
      method: "POST",
      query: "é",
      auth: "Bearer t",
      missing: null,
      has: true,
      isRequest: true,
      bodyText: '{"a":1}',
    });
  });

  it("builds the real Request for anything else: every header, a signal, a clone", async () => {
    const url = await serve(async (request) =>
      Response.json({
        headers: Object.fromEntries([...request.headers].filter(([name]) => name.startsWith("x-"))),
        signal: request.signal instanceof AbortSignal && !request.signal.aborted,
        cloned: request.clone().headers.get("x-two"),
      }),
    );
    const answer = await (await send(url, { "x-one": "1", "x-two": "2" })).json();
    expect(answer).toEqual({ headers: { "x-one": "1", "x-two": "2" }, signal: true, cloned: "2" });
  });
});

describe("route server's JSON answers", () => {
  it("writes the text with the status and headers given, and Content-Length", async () => {
    const url = await serve(async (_request, { json }) =>
      json('{"ok":true}', { status: 201, headers: { "content-type": "application/json", "x-id": "7" } }),
    );
    const response = await send(url);
    expect([response.status, response.headers.get("x-id"), response.headers.get("content-length"), await response.text()]).toEqual([
      201,
      "7",
      "11",
      '{"ok":true}',
    ]);
  });

  it("keeps headers set on the answer after it was made", async () => {
    const url = await serve(async (_request, { json }) => {
      const response = json("[]", { status: 200, headers: { "content-type": "application/json" } });
      response.headers.set("x-request-id", "abc");
      return response;
    });
    const response = await send(url);
    expect([response.headers.get("x-request-id"), response.headers.get("content-type"), await response.text()]).toEqual([
      "abc",
      "application/json",
      "[]",
    ]);
  });
});
