import { projectContext } from "@/lib/auth/context";
import { env } from "@/lib/env";
import { requestClientIp } from "@/lib/http/client-ip";
import { publicRoute } from "@/lib/http/route";
import { createToken } from "@/lib/services/tokens/tokens";
import { authenticate } from "@/lib/services/users/authenticate";
import { TokenLogin } from "@/lib/validation/projects";

const TOKEN_DAYS = 90;

/** Exchanges a login and password for a project API token, so automation needs no browser. */
export const POST = publicRoute({ body: TokenLogin, status: 201 }, async ({ body, request }) => {
  const ip = requestClientIp(request.headers, env().YARDSTICK_TRUSTED_PROXIES);
  const user = await authenticate(body.login, body.password, ip);
  const actor = { userId: user.id, username: user.username, isAdmin: user.isAdmin };
  const ctx = await projectContext(actor, body.project ? { key: body.project } : "first", "viewer");
  const token = await createToken(ctx, { name: body.name, role: ctx.role === "owner" ? "admin" : ctx.role, expiresInDays: TOKEN_DAYS });
  return {
    token: token.token,
    project: { id: ctx.project.id, key: ctx.project.key, name: ctx.project.name, role: token.role },
    expires_at: token.expiresAt?.toISOString() ?? null,
  };
});
