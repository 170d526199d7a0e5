import { preferenceFeedbackRoutes } from "@/lib/http/feedback-routes";

export const GET = preferenceFeedbackRoutes.GET;
export const POST = preferenceFeedbackRoutes.POST;
