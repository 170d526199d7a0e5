import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { canEditModel, loadModel } from "@/components/models/load-model";
import { ModelForm } from "@/components/models/model-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit model" };

export default async function EditModelPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project, "model.manage");
  const model = await loadModel(ctx, id);
  if (!canEditModel(ctx, model)) notFound();
  return (
    <>
      <PageHeader title={`Edit ${model.name}`} description={`Key: ${model.key}`} />
      <Card>
        <ModelForm projectKey={ctx.project.key} mode="edit" model={model} />
      </Card>
    </>
  );
}
