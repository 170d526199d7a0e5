import type { Metadata } from "next";
import Link from "next/link";
import { HumanSession } from "@/components/human/human-session";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { getHumanSession } from "@/lib/services/human/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test yourself" };

export default async function HumanSessionPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const session = await orNotFound(() => getHumanSession(ctx, id));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/${session.benchmark.id}`}>
          ← {session.benchmark.name}
        </Link>
      </p>
      <PageHeader
        title={`Test yourself: ${session.benchmark.name}`}
        description={`Version ${session.benchmark.version} · human baseline`}
      />
      <HumanSession projectKey={ctx.project.key} initial={session} />
    </>
  );
}
