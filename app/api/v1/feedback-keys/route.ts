import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { createFeedbackKey, listFeedbackKeys } from "@/lib/services/feedback/keys";
import { CreateFeedbackKey } from "@/lib/validation/feedback";

export const GET = projectRoute({ role: "viewer", query: PageQuery }, ({ ctx, query }) => listFeedbackKeys(ctx, query));

export const POST = projectRoute({ role: "admin", body: CreateFeedbackKey, status: 201 }, ({ ctx, body }) => createFeedbackKey(ctx, body));
