import { chatCompletions } from "@/lib/gateway/chat";
import { gatewayRoute } from "@/lib/gateway/route";

// OpenAI's wire format: the official SDKs work with baseURL …/api/v1 and a project token as the API key.
export const POST = gatewayRoute(({ ctx, body, request, requestId }) => chatCompletions(ctx, body, request, requestId));
