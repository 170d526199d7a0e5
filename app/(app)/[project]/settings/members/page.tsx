import type { Metadata } from "next";
import Link from "next/link";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberControls } from "@/components/settings/member-controls";
import { loadProject } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { roleDescriptions } from "@/lib/auth/roles";
import { listMembers } from "@/lib/services/projects/members";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const members = await listMembers(ctx);
  const canManage = can(ctx.role, "member.manage");
  return (
    <>
      {canManage ? (
        <Section title="Invite a member" description="They must already have an account on this instance.">
          <InviteForm projectKey={ctx.project.key} myRole={ctx.role} />
        </Section>
      ) : null}
      <Section
        title="Members"
        description={`Viewer: ${roleDescriptions.viewer.toLowerCase()}. Member: ${roleDescriptions.member.toLowerCase()}. Admin: ${roleDescriptions.admin.toLowerCase()}. Owner: ${roleDescriptions.owner.toLowerCase()}.`}
      >
        {members.length === 0 ? (
          <EmptyState title="No members">This project has no members.</EmptyState>
        ) : (
          <Table caption="Project members">
            <thead>
              <tr>
                <Th>User</Th>
                <Th>Role</Th>
                <Th>Member since</Th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => (
                <Tr key={m.userId}>
                  <Td>
                    <Link className={linkClass} href={`/users/${encodeURIComponent(m.username)}`}>
                      {m.username}
                    </Link>
                    {m.userId === ctx.actor.userId ? <span className="ml-2 text-xs text-gray-700 dark:text-gray-300">(you)</span> : null}
                    {m.fullName ? <div className="text-xs text-gray-700 dark:text-gray-300">{m.fullName}</div> : null}
                  </Td>
                  <Td>
                    {canManage && (m.role !== "owner" || ctx.role === "owner") ? (
                      <MemberControls
                        projectKey={ctx.project.key}
                        myRole={ctx.role}
                        userId={m.userId}
                        username={m.username}
                        role={m.role}
                        self={m.userId === ctx.actor.userId}
                      />
                    ) : (
                      <Badge>{m.role}</Badge>
                    )}
                  </Td>
                  <Td className="whitespace-nowrap">{formatDate(m.since)}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
    </>
  );
}
