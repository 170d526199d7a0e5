// env() caches on first call: this file lets the client reach its local server on 127.0.0.1.
process.env.YARDSTICK_ALLOW_PRIVATE_ENDPOINTS = "true";

import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openChatStream } from "@/lib/providers/chat-stream";
import { providerFailure } from "@/tests/support/provider-failure";

const event = (content: string) => `data: ${JSON.stringify({ choices: [{ delta: { content } }] })}\n\n`;
let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that writes the given pieces of a stream with a pause between them, split wherever the test says. */
async function serve(pieces: (string | Buffer)[]): Promise<string> {
  const local = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    const write = (i: number) => {
      if (i >= pieces.length) return res.end();
      res.write(pieces[i]);
      setTimeout(() => write(i + 1), 20);
    };
    write(0);
  });
  server = local;
  await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(local.address() as AddressInfo).port}/v1/chat/completions`;
}

const ping = [{ role: "user" as const, content: "hi" }];

describe("openChatStream", () => {
  it("joins events split across network chunks, even mid-line and mid-character", async () => {
    const whole = `${event("héllo ")}${event("wörld")}data: [DONE]\n\n`;
    const bytes = Buffer.from(whole);
    // Cut inside the JSON of the first event and inside the two-byte "ö".
    const cut = bytes.indexOf(Buffer.from("ö")) + 1;
    const url = await serve([bytes.subarray(0, 15), bytes.subarray(15, cut), bytes.subarray(cut)]);
    const deltas: string[] = [];
    const stream = await openChatStream({ url, model: "m" }, ping, {});
    let next = await stream.next();
    while (!next.done) {
      deltas.push(next.value.content);
      next = await stream.next();
    }
    expect(deltas).toEqual(["héllo ", "wörld"]);
    expect(next.value).toMatchObject({ text: "héllo wörld", chunks: 2 });
  });

  it("reports a stream that ends without [DONE] as malformed", async () => {
    const url = await serve([event("cut "), event("short")]);
    const stream = await openChatStream({ url, model: "m" }, ping, {});
    const error = await providerFailure(
      (async () => {
        for (let next = await stream.next(); !next.done; next = await stream.next());
      })(),
    );
    expect(error.kind).toBe("malformed");
  });

  it("reads a finished stream out instead of aborting it: the connection is reused and no error is built", async () => {
    let connections = 0;
    const local = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`${event("pong")}data: [DONE]\n\n`);
    });
    server = local.on("connection", () => connections++);
    await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}/v1/chat/completions`;
    const prepare = Error.prepareStackTrace;
    let aborts = 0;
    // Node formats the stack of the error a stream is destroyed with: with source maps on, a cost on every gateway call.
    Error.prepareStackTrace = (error, frames) => {
      if (/abort/i.test(String(error))) aborts++;
      return prepare ? prepare(error, frames) : String(error);
    };
    try {
      for (let i = 0; i < 10; i++) {
        const stream = await openChatStream({ url, model: "m" }, ping, { relay: true });
        for (let next = await stream.next(); !next.done; next = await stream.next());
      }
    } finally {
      Error.prepareStackTrace = prepare;
    }
    expect(aborts).toBe(0);
    expect(connections).toBeLessThanOrEqual(2);
  });

  it("does not wait for a provider that keeps the response open after [DONE], and lets go of it at the deadline", async () => {
    let closed = false;
    const local = createServer((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(`${event("pong")}data: [DONE]\n\n`);
      res.on("close", () => {
        closed = true;
      });
    });
    server = local;
    await new Promise<void>((resolve) => local.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(local.address() as AddressInfo).port}/v1/chat/completions`;
    const stream = await openChatStream({ url, model: "m" }, ping, { relay: true, timeoutMs: 300 });
    let next = await stream.next();
    while (!next.done) next = await stream.next();
    expect(next.value).toMatchObject({ text: "pong", chunks: 1 });
    expect(closed).toBe(false);
    await expect.poll(() => closed, { timeout: 2000 }).toBe(true);
  });
});
