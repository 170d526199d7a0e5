import type { Metadata } from "next";
import { loadProject } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/components/ui/format-date";
import { Pagination } from "@/components/ui/pagination";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { PageQuery } from "@/lib/http/pagination";
import { listAuditLog } from "@/lib/services/projects/audit-log";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<{ page?: string }>;
}) {
  const ctx = await loadProject((await params).project, "audit.read");
  const parsed = PageQuery.safeParse({ page: (await searchParams).page, per_page: 50 });
  const page = parsed.success ? parsed.data : { page: 1, per_page: 50 };
  const log = await listAuditLog(ctx, page);
  const base = `/${ctx.project.key}/settings/audit`;
  return (
    <Section title="Audit log" description="Every change to this project's models, members, tokens and settings, newest first.">
      {log.items.length === 0 ? (
        <EmptyState title="Nothing recorded yet">Changes will appear here as people work in the project.</EmptyState>
      ) : (
        <>
          <Table caption="Audit log">
            <thead>
              <tr>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>Action</Th>
                <Th>Resource</Th>
                <Th>Details</Th>
              </tr>
            </thead>
            <tbody>
              {log.items.map((e) => (
                <Tr key={e.id}>
                  <Td className="whitespace-nowrap">{formatDate(e.createdAt)}</Td>
                  <Td>
                    {e.actor ?? "deleted user"}
                    {e.viaToken ? <div className="text-xs text-gray-700 dark:text-gray-300">via API token</div> : null}
                  </Td>
                  <Td className="font-mono text-xs">{e.action}</Td>
                  <Td className="text-xs">
                    {e.resourceType}
                    {e.resourceId ? <div className="font-mono text-gray-700 dark:text-gray-300">{e.resourceId}</div> : null}
                  </Td>
                  <Td>
                    {Object.keys(e.details).length ? (
                      <code className="block max-w-md break-all font-mono text-xs">{JSON.stringify(e.details)}</code>
                    ) : (
                      "—"
                    )}
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
          <Pagination page={log.page} perPage={log.per_page} count={log.count} href={(p) => (p > 1 ? `${base}?page=${p}` : base)} />
        </>
      )}
    </Section>
  );
}
