import { once } from "node:events";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { keepAliveConnection } from "../bench/keep-alive-client";

// The bench's load generator reads each answer whole before the next request, however the bytes arrive.
const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A raw TCP server answering each request with `answer(request)` (null: closing the connection), in the pieces `split` cuts it into. */
async function rawServer(answer: (request: string) => string | null, split: (text: string) => string[] = (t) => [t]): Promise<string> {
  const server = createServer((socket) => {
    socket.on("data", async (chunk) => {
      const text = answer(chunk.toString());
      if (text === null) return void socket.end();
      for (const piece of split(text)) {
        socket.write(piece);
        await new Promise((r) => setTimeout(r, 5));
      }
    });
  }).listen(0, "127.0.0.1");
  servers.push(server);
  await once(server, "listening");
  const address = server.address() as { port: number };
  return `http://127.0.0.1:${address.port}`;
}

const head = "POST /x HTTP/1.1\r\nhost: test\r\n";

describe("keepAliveConnection", () => {
  it("sends the body with its length and reads status and body, answer after answer on one connection", async () => {
    const seen: string[] = [];
    const url = await rawServer((request) => {
      seen.push(request);
      const body = JSON.stringify({ echo: request.split("\r\n\r\n")[1] });
      return `HTTP/1.1 201 Created\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
    });
    const connection = await keepAliveConnection(url);
    expect(await connection.request(head, '{"a":"é"}')).toEqual({ status: 201, body: JSON.stringify({ echo: '{"a":"é"}' }) });
    expect(await connection.request(head, "{}")).toEqual({ status: 201, body: JSON.stringify({ echo: "{}" }) });
    expect(seen[0]).toBe(`${head}content-length: 10\r\n\r\n{"a":"é"}`);
    connection.close();
  });

  it("waits for a response that arrives in pieces, head and body split anywhere", async () => {
    const body = '{"title":"Bad","status":400}';
    const url = await rawServer(
      () => `HTTP/1.1 400 Bad Request\r\ncontent-length: ${body.length}\r\n\r\n${body}`,
      (text) => [text.slice(0, 7), text.slice(7, 30), text.slice(30, -3), text.slice(-3)],
    );
    const connection = await keepAliveConnection(url);
    expect(await connection.request(head, "{}")).toEqual({ status: 400, body });
    connection.close();
  });

  it("fails a response without Content-Length, and a request when the server closes the connection", async () => {
    const url = await rawServer(() => "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n");
    const connection = await keepAliveConnection(url);
    await expect(connection.request(head, "{}")).rejects.toThrow(/without Content-Length/);
    connection.close();
    const closing = await rawServer(() => null);
    const second = await keepAliveConnection(closing);
    await expect(second.request(head, "{}")).rejects.toThrow(/closed the connection/);
  });
});
