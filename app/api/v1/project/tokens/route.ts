import { projectRoute } from "@/lib/http/route";
import { createToken, listTokens } from "@/lib/services/tokens/tokens";
import { CreateToken } from "@/lib/validation/projects";

export const GET = projectRoute({ can: "token.manage" }, async ({ ctx }) => ({ items: await listTokens(ctx) }));

export const POST = projectRoute({ can: "token.manage", body: CreateToken, status: 201 }, ({ ctx, body }) => createToken(ctx, body));
