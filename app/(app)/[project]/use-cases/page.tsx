import type { Metadata } from "next";
import Link from "next/link";
import { UseCaseForm } from "@/components/online/use-case-form";
import { loadProject } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { SplitIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { atLeast } from "@/lib/auth/roles";
import { listUseCases } from "@/lib/services/use-cases/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Use cases" };

export default async function UseCasesPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const { items } = await listUseCases(ctx, { page: 1, per_page: 200 });
  const canManage = atLeast(ctx.role, "admin");
  const base = `/${ctx.project.key}/use-cases`;
  return (
    <div className="space-y-6">
      <PageHeader
        title="Use cases"
        description="Live traffic goes through Yardstick's OpenAI-compatible gateway: each use case has its models, a default model and feedback."
      />
      {items.length === 0 ? (
        <EmptyState icon={<SplitIcon width={40} height={40} />} title="No use cases yet">
          {canManage
            ? "Create one below, attach models, then point your application's OpenAI SDK at the gateway."
            : "Ask a project admin to create one."}
        </EmptyState>
      ) : (
        <Table caption="Use cases">
          <thead>
            <tr>
              <Th>Use case</Th>
              <Th>Default model</Th>
              <Th>Models</Th>
              <Th>Feedback keys</Th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <Tr key={u.id}>
                <Td>
                  <Link className={linkClass} href={`${base}/${u.key}`}>
                    {u.name}
                  </Link>
                  <div className="font-mono text-xs text-gray-700 dark:text-gray-300">{u.key}</div>
                </Td>
                <Td>{u.default_model ? <span className="font-mono text-xs">{u.default_model}</span> : <Badge tone="amber">none</Badge>}</Td>
                <Td>{u.models.length}</Td>
                <Td>{u.feedback_keys.join(", ") || "—"}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      )}
      {canManage ? (
        <Section title="New use case">
          <UseCaseForm projectKey={ctx.project.key} />
        </Section>
      ) : null}
    </div>
  );
}
