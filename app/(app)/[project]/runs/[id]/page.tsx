import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { redirect } from "next/navigation";
import { PreviousRunLink } from "@/components/compare/previous-run-link";
import { Distributions } from "@/components/runs/distributions";
import { ExamplesView } from "@/components/runs/examples";
import { isProportion } from "@/components/runs/format";
import { parseResultSearch, runResultsHref } from "@/components/runs/links";
import { LiveRun } from "@/components/runs/live-run";
import { loadRun } from "@/components/runs/load-run";
import { PrintReport } from "@/components/runs/print-report";
import { ResultFiltersBar } from "@/components/runs/result-filters";
import { ResultTable } from "@/components/runs/result-table";
import { RunConfigView } from "@/components/runs/run-config";
import { RunNote } from "@/components/runs/run-note";
import { RunStatsView } from "@/components/runs/run-stats";
import { ScoreOverview, SubsetBreakdown } from "@/components/runs/run-summary";
import { type RunSummary, scorerNames, summaryOf } from "@/components/runs/types";
import { loadProject } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { linkClass } from "@/components/ui/styles";
import { PublishRun } from "@/components/leaderboard/publish-run";
import { TagEditor } from "@/components/tags/tag-editor";
import { can } from "@/lib/auth/permissions";
import { getTags } from "@/lib/services/tags/tags";
import { bestAndWorst, hardestSubsets } from "@/lib/services/runs/examples";
import { canPublish } from "@/lib/services/runs/publish";
import { listResults } from "@/lib/services/runs/read";
import { hasResultFilters } from "@/lib/validation/run-results";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run report" };

const PER_PAGE = 50;

// Subset names for the filter, from the stored summary (no scan of the results).
const subsetsOf = (summary: RunSummary | null) =>
  [...new Set(Object.values(summary?.scorers ?? {}).flatMap((s) => s.by_subset.map((b) => b.subset)))].sort();

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
  const { query, errors, canonical } = parseResultSearch(await searchParams, PER_PAGE);
  if (!canonical) redirect(runResultsHref(ctx.project.key, run.id, query, query.page));
  const summary = summaryOf(run);
  const primary = summary?.primary ?? (summary?.primary_scorer ? summary.scorers[summary.primary_scorer] : null) ?? null;
  const admin = can(ctx.role, "run.publish");
  const [results, examples, publishable, { tags }] = await Promise.all([
    listResults(ctx, run.id, query),
    summary ? bestAndWorst(ctx, run.id) : null,
    admin && run.status === "completed" ? canPublish(ctx, run.id) : false,
    getTags(ctx, "run", run.id),
  ]);
  const key = ctx.project.key;

  return (
    <>
      <p className="mb-2 text-sm print:hidden">
        <Link className={linkClass} href={`/${key}/runs`}>
          ← Runs
        </Link>
      </p>
      <PageHeader
        title={`${run.model.name} on ${run.benchmark.name}`}
        description={
          <>
            {run.model.human ? <Badge tone="green">Human baseline</Badge> : null} Benchmark version {run.benchmark.version} ·{" "}
            <Link className={linkClass} href={`/${key}/benchmarks/${run.benchmark.id}?v=${run.benchmark.version}`}>
              Open benchmark
            </Link>{" "}
            ·{" "}
            <Link className={linkClass} href={`/${key}/models/${run.model.id}`}>
              Open model
            </Link>
          </>
        }
        actions={
          <>
            <span className="self-center text-sm print:hidden">
              <PreviousRunLink projectKey={key} runId={run.id} />
            </span>
            {publishable ? <PublishRun projectKey={key} runId={run.id} published={run.published_at !== null} /> : null}
            <PrintReport />
          </>
        }
      />
      <div className="space-y-6">
        <RunNote projectKey={key} runId={run.id} note={run.note} canEdit={can(ctx.role, "run.create")} />
        <LiveRun projectKey={key} initial={run} canCancel={can(ctx.role, "run.create")} />
        <RunConfigView config={run.config} />
        <Section title="Tags" description="Labels for this run; a tag opens the run list's API filter (?tag=).">
          <TagEditor
            projectKey={key}
            type="run"
            id={run.id}
            tags={tags}
            canEdit={can(ctx.role, "tag.write")}
            filterHref={`/${key}/runs?tag=`}
          />
        </Section>
        {summary ? (
          <>
            <ScoreOverview summary={summary} />
            <SubsetBreakdown summary={summary} />
            <ExamplesView
              projectKey={key}
              runId={run.id}
              best={examples?.best ?? []}
              worst={examples?.worst ?? []}
              hardest={hardestSubsets(primary?.by_subset)}
              percent={primary ? isProportion(primary.overall) : true}
            />
            <Distributions summary={summary} />
            {summary.stats ? <RunStatsView stats={summary.stats} /> : null}
          </>
        ) : null}
        <div id="results" className="scroll-mt-20">
          <Section
            title="Results"
            description="One row per task and sample. Filters and sorting are part of the address, so a filtered view can be shared as a link."
          >
            {errors.length > 0 ? (
              <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-300">
                This link has invalid filters, so all results are shown: {errors.join("; ")}.
              </p>
            ) : null}
            <ResultFiltersBar
              projectKey={key}
              runId={run.id}
              filters={query}
              subsets={subsetsOf(summary)}
              scorers={summary ? scorerNames(summary) : []}
            />
            {results.items.length === 0 ? (
              <p className="text-sm text-gray-700 dark:text-gray-300">
                {hasResultFilters(query) ? "No result matches these filters." : "No results yet."}
              </p>
            ) : (
              <>
                <ResultTable rows={results.items} projectKey={key} runId={run.id} sort={query} scorer={query.scorer} />
                <div className="print:hidden">
                  <Pagination
                    page={results.page}
                    perPage={results.per_page}
                    count={results.count}
                    href={(p) => runResultsHref(key, run.id, query, p)}
                  />
                </div>
              </>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
