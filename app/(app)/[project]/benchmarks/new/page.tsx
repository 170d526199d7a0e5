import type { Metadata } from "next";
import Link from "next/link";
import { UploadForm } from "@/components/benchmarks/upload/upload-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { SAMPLE_SIZE_FORMULA } from "@/lib/benchmarks/sample-size";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New benchmark" };

export default async function NewBenchmarkPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project, "benchmark.write");
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks`}>
          ← Benchmarks
        </Link>
      </p>
      <PageHeader
        title="New benchmark"
        description="Upload a task file. Start with a dry run to check every row and preview what models will see."
      />
      <Card>
        <UploadForm projectKey={ctx.project.key} target={{ kind: "create" }} formula={SAMPLE_SIZE_FORMULA} />
      </Card>
    </>
  );
}
