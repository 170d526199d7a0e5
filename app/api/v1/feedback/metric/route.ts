import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { listMetricFeedback, logMetricFeedback } from "@/lib/services/feedback/metric";
import { ListFeedback, LogMetricFeedback } from "@/lib/validation/feedback";

export const GET = projectRoute({ role: "viewer", query: ListFeedback.extend(PageQuery.shape) }, ({ ctx, query }) =>
  listMetricFeedback(ctx, query, query),
);

export const POST = projectRoute({ role: "member", body: LogMetricFeedback, status: 201 }, ({ ctx, body }) => logMetricFeedback(ctx, body));
