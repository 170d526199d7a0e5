import type { Metadata } from "next";
import { AlertForm } from "@/components/automation/alert-form";
import { alertFormOptions } from "@/components/automation/alert-form-options";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { getAlert } from "@/lib/services/alerts/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit alert" };

export default async function EditAlertPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project, "automation.manage");
  const alert = await orNotFound(() => getAlert(ctx, id));
  return (
    <>
      <PageHeader title={`Edit ${alert.name}`} description="Saving replaces the alert's triggers with these." />
      <AlertForm projectKey={ctx.project.key} alert={alert} {...(await alertFormOptions(ctx))} />
    </>
  );
}
