import { z } from "zod";
import { projectRoute } from "@/lib/http/route";
import { changeRole, removeMember } from "@/lib/services/projects/members";
import { RoleSchema } from "@/lib/validation/projects";

const Params = z.object({ userId: z.uuid("userId must be a user id") });

export const PATCH = projectRoute(
  { can: "member.manage", params: Params, body: z.object({ role: RoleSchema }) },
  async ({ ctx, params, body }) => {
    await changeRole(ctx, params.userId, body.role);
    return { user_id: params.userId, role: body.role };
  },
);

// Any member may remove themselves (leave); removing others needs admin, checked in the service.
export const DELETE = projectRoute({ can: "project.leave", params: Params, status: 204 }, async ({ ctx, params }) => {
  await removeMember(ctx, params.userId);
});
