import { chatCompletions } from "./chat";
import { embeddings } from "./embeddings";
import { gatewayRoute } from "./route";

// The gateway's two handlers, served by the Next.js app (app/api/v1/…) and by the dedicated listener
// (lib/server/gateway-server.ts) alike.
export const chatCompletionsHandler = gatewayRoute(({ ctx, body, request, requestId, signal }) =>
  chatCompletions(ctx, body, request, requestId, signal),
);
export const embeddingsHandler = gatewayRoute(({ ctx, body, request, requestId, signal }) =>
  embeddings(ctx, body, request, requestId, signal),
);
