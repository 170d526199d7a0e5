import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type Routes = Record<string, Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", unknown>>>;

export type RouteServer = { url: string; close(): Promise<void> };

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const body = chunks.length ? Buffer.concat(chunks) : undefined;
  return new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body, signal });
}

/**
 * Writes a Response chunk by chunk as its body produces them, as Next.js does for streamed route responses.
 * A JSON answer is whole at once: one write with its length (no chunked encoding, half the socket writes).
 */
async function send(response: Response, res: ServerResponse): Promise<void> {
  if (/^application\/(problem\+)?json/.test(response.headers.get("content-type") ?? "")) {
    const body = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, { ...Object.fromEntries(response.headers), "content-length": body.length }).end(body);
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  const reader = response.body.getReader();
  res.on("close", () => void reader.cancel().catch(() => {}));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    res.write(value);
  }
  res.end();
}

/**
 * A plain node:http server around App Router route handlers (exact paths only): the gateway's own
 * listener, and the real handlers over real HTTP in tests without building the Next.js app.
 */
export async function startRouteServer(routes: Routes, port = 0, host = "127.0.0.1"): Promise<RouteServer> {
  const server = createServer((req, res) => {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const handler = routes[path]?.[req.method as "GET"] as Handler | undefined;
    if (!handler) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `No route ${path}` } }));
      return;
    }
    toRequest(req, abort.signal)
      .then((request) => handler(request, { params: Promise.resolve({}) }))
      .then((response) => send(response, res))
      .catch((error) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
