import type { Metadata } from "next";
import { AlertForm } from "@/components/automation/alert-form";
import { alertFormOptions } from "@/components/automation/alert-form-options";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New alert" };

export default async function NewAlertPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "automation.manage");
  return (
    <>
      <PageHeader title="New alert" description="Checked once for every completed run or A/B test its triggers cover." />
      <AlertForm projectKey={ctx.project.key} {...(await alertFormOptions(ctx))} />
    </>
  );
}
