import type { Metadata } from "next";
import { AlertForm } from "@/components/automation/alert-form";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New alert" };

export default async function NewAlertPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "automation.manage");
  const [models, benchmarks] = await Promise.all([
    listModels(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
    listBenchmarks(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
  ]);
  return (
    <>
      <PageHeader title="New alert" description="Checked once for every completed run it covers." />
      <AlertForm
        projectKey={ctx.project.key}
        models={models.items.map((m) => ({ id: m.id, name: m.name }))}
        benchmarks={benchmarks.items.map((b) => ({ id: b.id, name: b.name }))}
      />
    </>
  );
}
