import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { answerHumanTask } from "@/lib/services/human/session";
import { HumanAnswer } from "@/lib/validation/human";

export const POST = projectRoute(
  { can: "run.create", params: z.object({ id: z.uuid("id must be a session id") }), body: HumanAnswer },
  ({ ctx, params, body }) => answerHumanTask(ctx, params.id, body),
);
