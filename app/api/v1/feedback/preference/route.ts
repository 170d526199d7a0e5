import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listPreferenceFeedback, logPreferenceFeedback } from "@/lib/services/feedback/preference";
import { ListFeedback, LogPreferenceFeedback } from "@/lib/validation/feedback";

export const GET = projectRoute({ role: "viewer", query: ListFeedback.extend(PageQuery.shape) }, ({ ctx, query }) =>
  listPreferenceFeedback(ctx, query, query),
);

export const POST = projectRoute({ role: "member", body: LogPreferenceFeedback, status: 201 }, ({ ctx, body }) =>
  logPreferenceFeedback(ctx, body),
);
