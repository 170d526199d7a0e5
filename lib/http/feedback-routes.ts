import { listMetricFeedback, logMetricFeedback } from "@/lib/services/feedback/metric";
import { listPreferenceFeedback, logPreferenceFeedback } from "@/lib/services/feedback/preference";
import { ListFeedback, LogMetricFeedback, LogPreferenceFeedback } from "@/lib/validation/feedback";
import { PageQuery } from "./pagination";
import { projectRoute } from "./route";

// The feedback routes, served by the Next.js app (app/api/v1/feedback/…) and, for high write rates, by the
// gateway's own listener (lib/server/gateway-server.ts) alike: feedback is the other hot write of live traffic.
const List = ListFeedback.extend(PageQuery.shape);

export const metricFeedbackRoutes = {
  GET: projectRoute({ can: "project.read", query: List }, ({ ctx, query }) => listMetricFeedback(ctx, query, query)),
  POST: projectRoute({ can: "feedback.write", body: LogMetricFeedback, status: 201 }, ({ ctx, body }) => logMetricFeedback(ctx, body)),
};

export const preferenceFeedbackRoutes = {
  GET: projectRoute({ can: "project.read", query: List }, ({ ctx, query }) => listPreferenceFeedback(ctx, query, query)),
  POST: projectRoute({ can: "feedback.write", body: LogPreferenceFeedback, status: 201 }, ({ ctx, body }) =>
    logPreferenceFeedback(ctx, body),
  ),
};
