import type { Metadata } from "next";
import { ScheduleForm } from "@/components/automation/schedule-form";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { scorerParamDocs } from "@/lib/scoring/param-docs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New schedule" };

export default async function NewSchedulePage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "automation.manage");
  const [models, benchmarks] = await Promise.all([
    listModels(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
    listBenchmarks(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
  ]);
  return (
    <>
      <PageHeader
        title="New schedule"
        description="Each chosen model runs on each chosen benchmark at every occurrence, with the same config."
      />
      <ScheduleForm
        projectKey={ctx.project.key}
        models={models.items.map((m) => ({ id: m.id, name: m.name }))}
        benchmarks={benchmarks.items.map((b) => ({ id: b.id, name: b.name }))}
        paramDocs={scorerParamDocs()}
      />
    </>
  );
}
