import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeToken } from "@/components/settings/revoke-token";
import { loadProject } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { listTokens } from "@/lib/services/tokens/tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

function status(t: { revokedAt: Date | null; expiresAt: Date | null }) {
  if (t.revokedAt) return <Badge tone="red">Revoked</Badge>;
  if (t.expiresAt && t.expiresAt.getTime() <= Date.now()) return <Badge tone="amber">Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}

export default async function TokensPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "token.manage");
  const tokens = await listTokens(ctx);
  return (
    <>
      <Section title="Create a token" description="Tokens call the REST API as you, limited to the role you choose and to this project.">
        <CreateTokenForm projectKey={ctx.project.key} myRole={ctx.role} />
      </Section>
      <Section title="Tokens">
        {tokens.length === 0 ? (
          <EmptyState title="No API tokens yet">Create one above to use the REST API from scripts and CI.</EmptyState>
        ) : (
          <Table caption="API tokens">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th>Token</Th>
                <Th>Role</Th>
                <Th>Owner</Th>
                <Th>Expires</Th>
                <Th>Last used</Th>
                <Th>Status</Th>
                <Th>Actions</Th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <Tr key={t.id}>
                  <Td className="font-medium">{t.name}</Td>
                  <Td className="whitespace-nowrap font-mono text-xs">{t.prefix}…</Td>
                  <Td>{t.role}</Td>
                  <Td>{t.owner ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{formatDate(t.expiresAt, "Never")}</Td>
                  <Td className="whitespace-nowrap">{formatDate(t.lastUsedAt, "Never")}</Td>
                  <Td>
                    {status(t)}
                    {t.revokedAt ? (
                      <div className="mt-1 whitespace-nowrap text-xs text-gray-700 dark:text-gray-300">{formatDate(t.revokedAt)}</div>
                    ) : null}
                  </Td>
                  <Td>{t.revokedAt ? null : <RevokeToken projectKey={ctx.project.key} tokenId={t.id} name={t.name} />}</Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
    </>
  );
}
