import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * An App Router handler; the listener also hands over the body it has read, the caller's abort signal (gatewayRoute
 * takes them) and `json`, a JSON answer the listener writes as the text it is (projectRoute answers so): a web
 * Response's body is a stream that costs about 40 µs to build and read back, a tenth of a feedback write here.
 */
export type ListenerContext = {
  params: Promise<Record<string, string>>;
  bodyText: string;
  signal: AbortSignal;
  json: (text: string, init: JsonInit) => Response;
};
type JsonInit = { status: number; headers: Record<string, string> };
/** A JSON answer: its Response stands in for one built only if something reads more than its status. */
type JsonReply = { response: Response; state: LazyState; text: string; init: JsonInit };
type Handler = (request: Request, context: ListenerContext) => Promise<Response>;
export type Routes = Record<string, Partial<Record<"GET" | "POST" | "PATCH" | "DELETE", unknown>>>;

export type RouteServer = { url: string; close(): Promise<void> };

/** The request's bytes, read with plain events: cheaper per call than an async iterator over the stream. */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const STATE = Symbol("lazy");
type LazyState = { prototype: object; build: () => object; made?: object };
type LazyTarget = Record<PropertyKey, unknown> & { [STATE]: LazyState };

/** The real object behind a stand-in, built now if it was not yet. */
function realOf<T extends object>(state: LazyState): T {
  state.made ??= state.build();
  return state.made as T;
}

// One set of traps for every stand-in (no closures per request). A property the real object's prototype lacks
// (as `then`, which await probes on a handler's answer) is absent without building it.
const lazyTraps: ProxyHandler<LazyTarget> = {
  get(target, property) {
    if (Object.hasOwn(target, property)) return target[property];
    const state = target[STATE];
    if (!(property in state.prototype)) return undefined;
    const real = realOf(state);
    const value: unknown = Reflect.get(real, property, real);
    return typeof value === "function" ? value.bind(real) : value;
  },
  has(target, property) {
    return Object.hasOwn(target, property) || property in target[STATE].prototype;
  },
  getPrototypeOf(target) {
    return target[STATE].prototype;
  },
};

/**
 * A stand-in for the object `build` makes, built on first use (`state.made`): the properties of `fast` are
 * answered without it. undici's Request and Response cost about 50 µs to build, a fifteenth of a feedback
 * write here, and projectRoute reads only a Request's method, URL and a few headers, and a Response's status.
 */
function lazy<T extends object>(prototype: T, fast: Partial<T>, build: () => T): { object: T; state: LazyState } {
  const state: LazyState = { prototype, build };
  const target = fast as unknown as LazyTarget;
  target[STATE] = state;
  return { object: new Proxy(target, lazyTraps) as unknown as T, state };
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  return typeof value === "string" ? value : null;
}

// The Request carries neither body nor signal: a body is wrapped in a WHATWG stream, and a signal is followed
// through weak references that tripled the Request's cost and much of the gateway's GC time per call.
function toRequest(req: IncomingMessage): Request {
  const headers = lazy(
    Headers.prototype,
    {
      get(name: string) {
        return headerOf(req, name);
      },
      has(name: string) {
        return headerOf(req, name) !== null;
      },
    },
    () => {
      const all = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") all.set(name, value);
      return all;
    },
  );
  const url = `http://${req.headers.host}${req.url}`;
  const method = req.method;
  return lazy(
    Request.prototype,
    { method, url, headers: headers.object },
    () => new Request(url, { method, headers: realOf<Headers>(headers.state) }),
  ).object;
}

/**
 * Writes a Response chunk by chunk as its body produces them, as Next.js does for streamed route responses.
 * A JSON answer is whole at once: one write with its length (no chunked encoding, half the socket writes).
 */
async function send(response: Response, res: ServerResponse, json?: JsonReply): Promise<void> {
  if (json) {
    const built = json.state.made as Response | undefined; // something read more than its status
    const headers = built ? Object.fromEntries(built.headers) : json.init.headers;
    res.writeHead(response.status, { ...headers, "content-length": Buffer.byteLength(json.text) }).end(json.text);
    return;
  }
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
    // Chunks ready within the same tick (a provider's last chunks, [DONE] and the end often arrive together) leave in
    // one write instead of a system call each; nothing waits longer than that tick.
    if (!res.writableCorked) {
      res.cork();
      process.nextTick(() => res.uncork());
    }
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
    // The caller's signal is made when a handler asks for it (the gateway's calls do, feedback does not).
    let abort: AbortController | undefined;
    let gone = false;
    res.on("close", () => {
      gone = !res.writableFinished;
      if (gone) abort?.abort();
    });
    const path = (req.url ?? "/").split("?", 1)[0] as string;
    const handler = routes[path]?.[req.method as "GET"] as Handler | undefined;
    if (!handler) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `No route ${path}` } }));
      return;
    }
    let reply: JsonReply | undefined;
    // Methods, not arrow functions: tsx (esbuild keepNames) names each arrow it makes, a property definition per call.
    const context: ListenerContext = {
      params: Promise.resolve({}),
      bodyText: "",
      get signal() {
        abort ??= new AbortController();
        if (gone) abort.abort();
        return abort.signal;
      },
      json(text, init) {
        const { object, state } = lazy(Response.prototype, { status: init.status }, () => new Response(null, init));
        reply = { response: object, state, text, init };
        return object;
      },
    };
    readBody(req)
      .then((bodyText) => {
        context.bodyText = bodyText;
        return handler(toRequest(req), context);
      })
      .then((response) => send(response, res, reply?.response === response ? reply : undefined))
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
