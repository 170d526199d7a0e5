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
export const metadata: Metadata = { title: "Append rows" };

export default async function AppendRowsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; id: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const { project, id } = await params;
  const ctx = await loadProject(project, "benchmark.write");
  const benchmark = await loadBenchmark(ctx, id);
  if (!canEditBenchmark(ctx, benchmark)) notFound();
  const wanted = Number((await searchParams).v);
  const version = benchmark.versions.find((v) => v.number === wanted) ?? benchmark.versions[0];
  if (!version) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/${benchmark.id}?v=${version.number}`}>
          ← {benchmark.name}
        </Link>
      </p>
      <PageHeader
        title={`Append rows to ${benchmark.name} v${version.number}`}
        description={`The rows are added after the ${version.task_count} tasks of version ${version.number}, as a new version; version ${version.number} stays as it is.`}
      />
      <Card>
        <UploadForm
          projectKey={ctx.project.key}
          target={{ kind: "append", benchmarkId: benchmark.id, version: version.number }}
          formula={SAMPLE_SIZE_FORMULA}
        />
      </Card>
    </>
  );
}
