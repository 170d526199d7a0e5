import type { Metadata } from "next";
import Link from "next/link";
import { resultHref, runHref } from "@/components/runs/links";
import { loadResult, loadRun } from "@/components/runs/load-run";
import { PrintReport } from "@/components/runs/print-report";
import { ResultDetailView } from "@/components/runs/result-detail";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run result" };

export default async function RunResultPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; id: string; position: string }>;
  searchParams: Promise<{ sample?: string | string[] }>;
}) {
  const { project, id, position } = await params;
  const { sample } = await searchParams;
  const ctx = await loadProject(project);
  const [run, result] = await Promise.all([loadRun(ctx, id), loadResult(ctx, id, position, Array.isArray(sample) ? sample[0] : sample)]);
  const key = ctx.project.key;

  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link className={linkClass} href={`${runHref(key, run.id)}#results`}>
          ← {run.model.name} on {run.benchmark.name}
        </Link>
      </p>
      <PageHeader
        title={`Task ${result.position}${result.sample > 0 ? `, sample ${result.sample}` : ""}`}
        description={`${run.model.name} on ${run.benchmark.name}, version ${run.benchmark.version}`}
        actions={
          <>
            <nav aria-label="Results" className="flex items-center gap-3 text-sm print:hidden">
              {result.prev ? (
                <Link className={linkClass} href={resultHref(key, run.id, result.prev)} rel="prev">
                  Previous result
                </Link>
              ) : null}
              {result.next ? (
                <Link className={linkClass} href={resultHref(key, run.id, result.next)} rel="next">
                  Next result
                </Link>
              ) : null}
            </nav>
            <PrintReport />
          </>
        }
      />
      <ResultDetailView result={result} />
    </>
  );
}
