import { projectRoute } from "@/lib/http/route";
import { inviteMember, listMembers } from "@/lib/services/projects/members";
import { InviteMember } from "@/lib/validation/projects";

export const GET = projectRoute({ can: "project.read" }, async ({ ctx }) => ({ items: await listMembers(ctx) }));

export const POST = projectRoute({ can: "member.manage", body: InviteMember, status: 201 }, ({ ctx, body }) => inviteMember(ctx, body));
