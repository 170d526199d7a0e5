import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { revokeToken } from "@/lib/services/tokens/tokens";

export const DELETE = projectRoute(
  { can: "token.manage", params: z.object({ id: z.uuid("id must be a token id") }), status: 204 },
  async ({ ctx, params }) => {
    await revokeToken(ctx, params.id);
  },
);
