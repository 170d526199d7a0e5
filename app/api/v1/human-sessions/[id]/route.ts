import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getHumanSession } from "@/lib/services/human/session";

export const GET = projectRoute({ can: "project.read", params: z.object({ id: z.uuid("id must be a session id") }) }, ({ ctx, params }) =>
  getHumanSession(ctx, params.id),
);
