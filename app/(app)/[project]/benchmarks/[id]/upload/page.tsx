import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { canEditBenchmark, loadBenchmark } from "@/components/benchmarks/load-benchmark";
import { UploadForm } from "@/components/benchmarks/upload/upload-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { SAMPLE_SIZE_FORMULA } from "@/lib/benchmarks/sample-size";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Upload new version" };

export default async function UploadVersionPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project, "benchmark.write");
  const benchmark = await loadBenchmark(ctx, id);
  if (!canEditBenchmark(ctx, benchmark)) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/${benchmark.id}`}>
          ← {benchmark.name}
        </Link>
      </p>
      <PageHeader
        title={`New version of ${benchmark.name}`}
        description="The file replaces the task list in a new version; earlier versions stay as they are."
      />
      <Card>
        <UploadForm projectKey={ctx.project.key} target={{ kind: "version", benchmarkId: benchmark.id }} formula={SAMPLE_SIZE_FORMULA} />
      </Card>
    </>
  );
}
