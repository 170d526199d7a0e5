import { embeddings } from "@/lib/gateway/embeddings";
import { gatewayRoute } from "@/lib/gateway/route";

export const POST = gatewayRoute(({ ctx, body, request, requestId }) => embeddings(ctx, body, request, requestId));
