import type { Metadata } from "next";
import Link from "next/link";
import { GenerationReview } from "@/components/generation/generation-review";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/permissions";
import { getGeneration } from "@/lib/services/generation/generations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review generated tasks" };

export default async function GenerationPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const generation = await orNotFound(() => getGeneration(ctx, id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/generate`}>
          ← Generate a benchmark
        </Link>
      </p>
      <PageHeader
        title={`Tasks from ${generation.document_name}`}
        description={`${generation.count} task(s) requested from ${generation.model.name}. Edit, reject or delete tasks, then import the accepted ones.`}
      />
      <GenerationReview projectKey={ctx.project.key} initial={generation} canEdit={can(ctx.role, "benchmark.write")} />
    </>
  );
}
