import type { Metadata } from "next";
import { ModelForm } from "@/components/models/model-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New model" };

export default async function NewModelPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "model.manage");
  return (
    <>
      <PageHeader title="New model" description="A custom model belongs to this project and is added to its model list." />
      <Card>
        <ModelForm projectKey={ctx.project.key} mode="create" canPublish={ctx.actor.isAdmin} />
      </Card>
    </>
  );
}
