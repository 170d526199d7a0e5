import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { setRunPublished } from "@/lib/services/runs/publish";
import { PublishRun } from "@/lib/validation/leaderboard";

export const POST = projectRoute(
  { can: "run.publish", params: z.object({ id: z.uuid("id must be a run id") }), body: PublishRun },
  ({ ctx, params, body }) => setRunPublished(ctx, params.id, body.published),
);
