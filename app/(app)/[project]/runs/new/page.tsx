import type { Metadata } from "next";
import Link from "next/link";
import { loadRunOptions } from "@/components/runs/new/load-options";
import { NewRunForm } from "@/components/runs/new/new-run-form";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { scorerParamDocs } from "@/lib/scoring/param-docs";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run evaluation" };

export default async function NewRunPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "run.create");
  const options = await loadRunOptions(ctx);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/runs`}>
          ← Runs
        </Link>
      </p>
      <PageHeader
        title="Run evaluation"
        description="Choose models and benchmarks, adjust the configuration and check the estimate before starting."
      />
      <NewRunForm projectKey={ctx.project.key} {...options} paramDocs={scorerParamDocs()} />
    </>
  );
}
