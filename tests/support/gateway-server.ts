import * as chat from "@/app/api/v1/chat/completions/route";
import * as embeddings from "@/app/api/v1/embeddings/route";
import { startRouteServer } from "./route-server";

// The gateway's route handlers in a process of their own (DATABASE_URL etc. from the environment), for
// tests that stop it with a signal and for the gateway bench. Prints its base URL on the first line.
startRouteServer({ "/api/v1/chat/completions": chat, "/api/v1/embeddings": embeddings }, Number(process.argv[2] ?? 0)).then((server) =>
  process.stdout.write(`${server.url}\n`),
);
