import type { Metadata } from "next";
import { ChatPlayground } from "@/components/online/chat-playground";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getUseCase } from "@/lib/services/use-cases/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Chat" };

export default async function ChatPage({ params }: { params: Promise<{ project: string; key: string }> }) {
  const { project, key } = await params;
  const ctx = await loadProject(project);
  const useCase = await orNotFound(() => getUseCase(ctx, key));
  const online = useCase.models.filter((m) => m.online).map((m) => m.key);
  return (
    <>
      <PageHeader
        title={`Chat: ${useCase.name}`}
        description="Every message goes through the gateway and is logged as an interaction of this use case."
      />
      {online.length ? (
        <ChatPlayground projectKey={ctx.project.key} useCaseKey={useCase.key} models={online} />
      ) : (
        <EmptyState title="No online model">Attach a model to this use case first.</EmptyState>
      )}
    </>
  );
}
