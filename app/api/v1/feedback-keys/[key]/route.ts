import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getFeedbackKey, updateFeedbackKey } from "@/lib/services/feedback/keys";
import { UpdateFeedbackKey } from "@/lib/validation/feedback";

const Params = z.object({ key: z.string().max(64) });

export const GET = projectRoute({ role: "viewer", params: Params }, ({ ctx, params }) => getFeedbackKey(ctx, params.key));

export const PATCH = projectRoute({ role: "admin", params: Params, body: UpdateFeedbackKey }, ({ ctx, params, body }) =>
  updateFeedbackKey(ctx, params.key, body),
);
