import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { linkFeedbackKey, unlinkFeedbackKey } from "@/lib/services/use-cases/feedback-keys";
import { LinkFeedbackKey } from "@/lib/validation/use-cases";

const Params = z.object({ key: z.string().max(64) });

export const POST = projectRoute({ role: "admin", params: Params, body: LinkFeedbackKey }, ({ ctx, params, body }) =>
  linkFeedbackKey(ctx, params.key, body.feedback_key),
);

export const DELETE = projectRoute({ role: "admin", params: Params, body: LinkFeedbackKey }, ({ ctx, params, body }) =>
  unlinkFeedbackKey(ctx, params.key, body.feedback_key),
);
