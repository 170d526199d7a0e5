import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { getModel } from "@/lib/services/models/read";
import { decodePercent } from "@/lib/validation/percent";

// Model keys contain slashes (publisher/model), hence the catch-all segment.
const Params = z.object({
  key: z
    .array(z.string())
    .min(1)
    .transform((parts, ctx) => {
      const decoded = parts.map(decodePercent);
      if (decoded.every((part) => part !== undefined)) return decoded.join("/");
      ctx.addIssue({ code: "custom", message: "key has a broken percent escape (write % as %25)" });
      return z.NEVER;
    }),
});

export const GET = projectRoute({ can: "project.read", params: Params }, ({ ctx, params }) => getModel(ctx, { key: params.key }));
