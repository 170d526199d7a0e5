import { createServer } from "node:http";
import next from "next";
import { PEER_HEADER } from "@/lib/http/client-ip";

// The production web server: Next.js behind a plain Node server that stamps each request with the
// socket's peer address (overwriting any client-sent value), because route handlers cannot see the
// socket and X-Forwarded-For is whatever the client wrote unless a trusted proxy set it.
async function main() {
  const port = Number(process.argv[2] ?? 3000);
  const app = next({ dev: false, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? "";
    void handle(req, res);
  });
  server.listen(port, () => console.log(`Web server listening on port ${port}`));
  // Like `next start`: stop at once; the parent (lib/server/cli.ts) closes the database afterwards.
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(0));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
