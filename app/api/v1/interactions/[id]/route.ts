import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getInteraction } from "@/lib/services/interactions/read";

const Params = z.object({ id: z.uuid("id must be a completion id") });

export const GET = projectRoute({ role: "viewer", params: Params }, ({ ctx, params }) => getInteraction(ctx, params.id));
