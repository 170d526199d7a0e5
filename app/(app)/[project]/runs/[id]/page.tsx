import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { parsePage } from "@/components/benchmarks/filters";
import { LiveRun } from "@/components/runs/live-run";
import { ResultTable } from "@/components/runs/result-table";
import { RunStatsView } from "@/components/runs/run-stats";
import { RunSummaryView } from "@/components/runs/run-summary";
import { summaryOf } from "@/components/runs/types";
import { loadProject } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { linkClass } from "@/components/ui/styles";
import { atLeast } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getRun, listResults } from "@/lib/services/runs/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run" };

const PER_PAGE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadRun(ctx: Awaited<ReturnType<typeof loadProject>>, id: string) {
  if (!UUID.test(id)) notFound();
  try {
    return await getRun(ctx, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function RunPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const run = await loadRun(ctx, id);
  const page = parsePage((await searchParams).page);
  const results = await listResults(ctx, run.id, { page, per_page: PER_PAGE });
  const base = `/${ctx.project.key}/runs`;
  const summary = summaryOf(run);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={base}>
          ← Runs
        </Link>
      </p>
      <PageHeader
        title={`${run.model.name} on ${run.benchmark.name}`}
        description={
          <>
            Benchmark version {run.benchmark.version} ·{" "}
            <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/${run.benchmark.id}`}>
              Open benchmark
            </Link>{" "}
            ·{" "}
            <Link className={linkClass} href={`/${ctx.project.key}/models/${run.model.id}`}>
              Open model
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <LiveRun projectKey={ctx.project.key} initial={run} canCancel={atLeast(ctx.role, "member")} />
        {summary ? <RunSummaryView scorers={summary.scorers} primary={summary.primary_scorer} /> : null}
        {summary?.stats ? <RunStatsView stats={summary.stats} /> : null}
        <Section title="Results" description="One row per task and sample, in task order.">
          {results.items.length === 0 ? (
            <p className="text-sm text-gray-700 dark:text-gray-300">No results yet.</p>
          ) : (
            <>
              <ResultTable rows={results.items} primary={summary?.primary_scorer ?? null} />
              <Pagination page={results.page} perPage={results.per_page} count={results.count} href={(p) => `${base}/${run.id}${p > 1 ? `?page=${p}` : ""}`} />
            </>
          )}
        </Section>
      </div>
    </>
  );
}
