import { metricFeedbackRoutes } from "@/lib/http/feedback-routes";

export const GET = metricFeedbackRoutes.GET;
export const POST = metricFeedbackRoutes.POST;
