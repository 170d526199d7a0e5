import { chatCompletionsHandler, embeddingsHandler } from "@/lib/gateway/handlers";
import { metricFeedbackRoutes, preferenceFeedbackRoutes } from "@/lib/http/feedback-routes";
import { startRouteServer } from "./route-server";

// The gateway on a listener of its own (YARDSTICK_GATEWAY_PORT): the same handlers as /api/v1 in the
// Next.js app without the framework's per-request work, for high request rates: model calls and the
// feedback logged on their answers. Prints its URL first.
const [port = "0", host = "127.0.0.1"] = process.argv.slice(2);
const routes = {
  "/api/v1/chat/completions": { POST: chatCompletionsHandler },
  "/api/v1/embeddings": { POST: embeddingsHandler },
  "/api/v1/feedback/metric": { POST: metricFeedbackRoutes.POST },
  "/api/v1/feedback/preference": { POST: preferenceFeedbackRoutes.POST },
};
startRouteServer(routes, Number(port), host).then((server) => process.stdout.write(`${server.url}\n`));
