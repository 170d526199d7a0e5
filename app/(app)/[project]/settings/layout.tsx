import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/settings-nav";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";

export const dynamic = "force-dynamic";

export default async function SettingsLayout({ children, params }: { children: ReactNode; params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  return (
    <>
      <PageHeader title="Settings" description={`Project ${ctx.project.name} · you are ${ctx.role}`} />
      <SettingsNav projectKey={ctx.project.key} showAdmin={can(ctx.role, "audit.read") && can(ctx.role, "token.manage")} />
      <div className="space-y-6">{children}</div>
    </>
  );
}
