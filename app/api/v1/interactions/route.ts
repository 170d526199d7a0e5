import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { ingestInteractions } from "@/lib/services/interactions/ingest";
import { listInteractions } from "@/lib/services/interactions/read";
import { IngestBatch, ListInteractions } from "@/lib/validation/interactions";

export const GET = projectRoute({ role: "viewer", query: ListInteractions.extend(PageQuery.shape) }, ({ ctx, query }) =>
  listInteractions(ctx, query, query),
);

// Up to 1,000 interactions with their messages: a larger body limit than other routes.
export const POST = projectRoute({ role: "member", body: IngestBatch, maxBodyBytes: 50 * 1024 * 1024 }, ({ ctx, body }) =>
  ingestInteractions(ctx, body),
);
