import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getModel } from "@/lib/services/models/read";

// Model keys contain slashes (publisher/model), hence the catch-all segment.
const Params = z.object({
  key: z
    .array(z.string())
    .min(1)
    .transform((parts) => parts.map(decodeURIComponent).join("/")),
});

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getModel(ctx, { key: params.key }));
