import type { Metadata } from "next";
import Link from "next/link";
import { hasRunFilters, parseRunFilters, runFiltersHref } from "@/components/runs/filters";
import { RunFiltersBar } from "@/components/runs/run-filters";
import { RunList } from "@/components/runs/run-list";
import { loadProject } from "@/components/shell/load-project";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlayIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { linkClass } from "@/components/ui/styles";
import { can } from "@/lib/auth/permissions";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { listRuns } from "@/lib/services/runs/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Runs" };

const PER_PAGE = 25;

export default async function RunsPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await loadProject((await params).project);
  const filters = parseRunFilters(await searchParams);
  const base = `/${ctx.project.key}/runs`;
  const [result, models, benchmarks] = await Promise.all([
    listRuns(ctx, { ...filters, tag: filters.tags }, { page: filters.page, per_page: PER_PAGE }),
    listModels(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
    listBenchmarks(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
  ]);
  const canRun = can(ctx.role, "run.create");
  const runLink = canRun ? <ButtonLink href={`${base}/new`}>Run evaluation</ButtonLink> : null;

  return (
    <>
      <PageHeader
        title="Runs"
        description="Evaluations of the project's models on its benchmarks, with live progress, cost and scores with 95% intervals."
        actions={
          <>
            <ButtonLink href={`/${ctx.project.key}/playground`} variant="secondary">
              Expressions playground
            </ButtonLink>
            {runLink}
          </>
        }
      />
      <RunFiltersBar base={base} filters={filters} models={models.items} benchmarks={benchmarks.items} />
      {result.items.length === 0 ? (
        <EmptyState
          icon={<PlayIcon width={40} height={40} />}
          title={hasRunFilters(filters) ? "No runs match these filters" : "No runs yet"}
          action={hasRunFilters(filters) ? null : runLink}
        >
          {hasRunFilters(filters) ? (
            <>
              Try other filters or{" "}
              <Link className={linkClass} href={base}>
                clear them
              </Link>
              .
            </>
          ) : canRun ? (
            "Evaluate one or more models on one or more benchmarks and follow their progress live."
          ) : (
            "Ask a project member to start an evaluation."
          )}
        </EmptyState>
      ) : (
        <>
          <RunList projectKey={ctx.project.key} filters={filters} initial={result} />
          <Pagination
            page={result.page}
            perPage={result.per_page}
            count={result.count}
            href={(page) => runFiltersHref(base, filters, { page })}
          />
        </>
      )}
    </>
  );
}
