import type { Metadata } from "next";
import { BenchmarkFiltersBar } from "@/components/benchmarks/benchmark-filters";
import { BenchmarkTable } from "@/components/benchmarks/benchmark-table";
import { filtersHref, hasFilters, parseFilters } from "@/components/benchmarks/filters";
import { loadProject } from "@/components/shell/load-project";
import { ButtonLink } from "@/components/ui/button";
import { ClearFiltersHint, EmptyState } from "@/components/ui/empty-state";
import { ClipboardIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { can } from "@/lib/auth/permissions";
import { listBenchmarks } from "@/lib/services/benchmarks/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Benchmarks" };

const PER_PAGE = 25;

export default async function BenchmarksPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await loadProject((await params).project);
  const filters = parseFilters(await searchParams);
  const base = `/${ctx.project.key}/benchmarks`;
  const result = await listBenchmarks(
    ctx,
    {
      name: filters.q,
      type: filters.type,
      task_type: filters.task_type,
      categories: filters.categories,
      languages: filters.languages,
      in_project: filters.in_project,
      tag: filters.tags,
    },
    { page: filters.page, per_page: PER_PAGE },
  );
  const canManage = can(ctx.role, "benchmark.write");
  const newLink = canManage ? <ButtonLink href={`${base}/new`}>New benchmark</ButtonLink> : null;
  const generateLink = canManage ? (
    <ButtonLink href={`${base}/generate`} variant="secondary">
      Generate from a document
    </ButtonLink>
  ) : null;

  return (
    <>
      <PageHeader
        title="Benchmarks"
        description="Task sets with reference answers: the public catalog plus this project's custom benchmarks. Every change makes a new version."
        actions={
          <span className="flex flex-wrap gap-2">
            {generateLink}
            {newLink}
          </span>
        }
      />
      <BenchmarkFiltersBar base={base} filters={filters} />
      {result.items.length === 0 ? (
        <EmptyState
          icon={<ClipboardIcon width={40} height={40} />}
          title={hasFilters(filters) ? "No benchmarks match these filters" : "No benchmarks yet"}
          action={hasFilters(filters) ? null : newLink}
        >
          {hasFilters(filters) ? (
            <ClearFiltersHint href={base} />
          ) : canManage ? (
            "Upload a JSONL, JSON or CSV file of tasks; a dry run checks every row before anything is saved."
          ) : (
            "Ask a project member to upload a benchmark."
          )}
        </EmptyState>
      ) : (
        <>
          <BenchmarkTable items={result.items} projectKey={ctx.project.key} canManage={canManage} />
          <Pagination
            page={result.page}
            perPage={result.per_page}
            count={result.count}
            href={(page) => filtersHref(base, filters, { page })}
          />
        </>
      )}
    </>
  );
}
