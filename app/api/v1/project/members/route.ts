import { projectRoute } from "@/lib/http/route";
import { inviteMember, listMembers } from "@/lib/services/projects/members";
import { InviteMember } from "@/lib/validation/projects";

export const GET = projectRoute({ role: "viewer" }, async ({ ctx }) => ({ items: await listMembers(ctx) }));

export const POST = projectRoute({ role: "admin", body: InviteMember, status: 201 }, ({ ctx, body }) => inviteMember(ctx, body));
