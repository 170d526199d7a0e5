import { readdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;
type Route = { segments: string[]; file: string };

const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every route.ts under app/<dir>, with its URL segments ([id] dynamic, [...rest] catch-all). */
export function routeFiles(dir = "app/api"): { file: string; segments: string[] }[] {
  const out: { file: string; segments: string[] }[] = [];
  const walk = (abs: string, segments: string[]) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(abs, entry.name), [...segments, entry.name]);
      else if (entry.name === "route.ts") out.push({ file: path.join(abs, entry.name), segments });
    }
  };
  walk(path.join(ROOT, dir), dir.split("/").slice(1));
  return out;
}

// Static segments win over [dynamic] ones, which win over [...catch-all], as in Next.js.
const rankOf = (segments: string[]) => segments.map((s) => (s.startsWith("[...") ? "2" : s.startsWith("[") ? "1" : "0")).join("");

function match(route: Route, parts: string[]): Record<string, string | string[]> | null {
  const params: Record<string, string | string[]> = {};
  for (const [i, segment] of route.segments.entries()) {
    if (segment.startsWith("[...")) {
      if (parts.length <= i) return null;
      params[segment.slice(4, -1)] = parts.slice(i);
      return params;
    }
    const part = parts[i];
    if (part === undefined) return null;
    if (segment.startsWith("[")) params[segment.slice(1, -1)] = part;
    else if (segment !== part) return null;
  }
  return parts.length === route.segments.length ? params : null;
}

async function toRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
  const body = chunks.length && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(req.url ?? "/", origin), { method: req.method, headers, body });
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers));
  const reader = response.body?.getReader();
  for (let next = await reader?.read(); next && !next.done; next = await reader?.read()) res.write(next.value);
  res.end();
}

/**
 * The app's route handlers behind a real HTTP server on 127.0.0.1, for clients that need one (the
 * official Llama Stack client, the CLI). Same handlers Next.js runs; pages are not served.
 */
export async function startRouteServer(): Promise<{ url: string; close(): Promise<void> }> {
  const routes: Route[] = routeFiles().sort((a, b) => rankOf(a.segments).localeCompare(rankOf(b.segments)));
  const modules = new Map<string, Record<string, Handler>>();
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
      for (const route of routes) {
        const params = match(route, parts);
        if (!params) continue;
        if (!modules.has(route.file)) modules.set(route.file, await import(route.file));
        const handler = modules.get(route.file)?.[req.method ?? "GET"];
        if (!handler) return send(res, new Response(null, { status: 405 }));
        return send(res, await handler(await toRequest(req, `http://${req.headers.host}`), { params: Promise.resolve(params) }));
      }
      await send(res, new Response("not found", { status: 404 }));
    } catch (error) {
      await send(res, new Response(String(error), { status: 500 }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
