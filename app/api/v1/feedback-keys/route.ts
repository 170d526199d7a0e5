import { PageQuery } from "@/lib/http/pagination";
import { projectRoute } from "@/lib/http/route";
import { createFeedbackKey, listFeedbackKeys } from "@/lib/services/feedback/keys";
import { CreateFeedbackKey } from "@/lib/validation/feedback";

export const GET = projectRoute({ can: "project.read", query: PageQuery }, ({ ctx, query }) => listFeedbackKeys(ctx, query));

export const POST = projectRoute({ can: "usecase.manage", body: CreateFeedbackKey, status: 201 }, ({ ctx, body }) =>
  createFeedbackKey(ctx, body),
);
