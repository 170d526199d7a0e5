import { projectRoute } from "@/lib/http/route";

/** The project this token (or session) acts on, and the caller's effective role in it. */
export const GET = projectRoute({ can: "project.read" }, async ({ ctx }) => ({
  id: ctx.project.id,
  key: ctx.project.key,
  name: ctx.project.name,
  role: ctx.role,
  user: { id: ctx.actor.userId, username: ctx.actor.username },
  via: ctx.actor.tokenId ? "token" : "session",
}));
