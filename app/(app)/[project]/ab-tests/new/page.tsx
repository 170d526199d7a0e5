import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CreateAbTestForm } from "@/components/ab-tests/create-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { atLeast } from "@/lib/auth/roles";
import { recentTraffic } from "@/lib/services/ab-tests/traffic";
import { listFeedbackKeys } from "@/lib/services/feedback/keys";
import { listUseCases } from "@/lib/services/use-cases/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New A/B test" };

export default async function NewAbTestPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "usecase.manage");
  if (!atLeast(ctx.role, "admin")) notFound();
  const [useCases, keys] = await Promise.all([
    listUseCases(ctx, { page: 1, per_page: 200 }),
    listFeedbackKeys(ctx, { page: 1, per_page: 200 }),
  ]);
  const traffic = await recentTraffic(
    ctx,
    useCases.items.map((u) => u.id),
  );
  return (
    <>
      <PageHeader
        title="New A/B test"
        description="Split a share of a use case's default traffic between its default model and challengers."
      />
      <Card>
        <CreateAbTestForm
          projectKey={ctx.project.key}
          useCases={useCases.items}
          keys={keys.items.map((k) => ({ key: k.key, name: k.name, kind: k.kind }))}
          traffic={traffic}
        />
      </Card>
    </>
  );
}
