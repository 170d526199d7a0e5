import type { Metadata } from "next";
import { SchedulesFor } from "@/components/automation/schedules-for";
import Link from "next/link";
import { BenchmarkDetails } from "@/components/benchmarks/benchmark-details";
import { TypeBadge } from "@/components/benchmarks/benchmark-table";
import { inputExcerpt, truthExcerpt } from "@/components/benchmarks/excerpt";
import { canEditBenchmark, loadBenchmark } from "@/components/benchmarks/load-benchmark";
import { type TaskFilters, TaskFiltersBar } from "@/components/benchmarks/task-filters";
import { TaskTable } from "@/components/benchmarks/task-table";
import { VersionsTable } from "@/components/benchmarks/versions-table";
import { loadProject } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { ButtonLink, buttonClass } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { linkClass } from "@/components/ui/styles";
import { BenchmarkReport } from "@/components/reports/benchmark-report";
import { TagEditor } from "@/components/tags/tag-editor";
import { can } from "@/lib/auth/permissions";
import { getTags } from "@/lib/services/tags/tags";
import { listTasks } from "@/lib/services/benchmarks/read";
import { benchmarkLeaderboard } from "@/lib/services/reports/leaderboard";
import { taskDifficulty } from "@/lib/services/reports/task-difficulty";
import { ListTasks } from "@/lib/validation/benchmarks";
import { parsePage, parseSearch, type SearchParams } from "@/lib/validation/search-params";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Benchmark" };

const PER_PAGE = 50;
// Read with the tasks API's own query schema, field by field.
const parseTaskFilters = (search: SearchParams): TaskFilters => ({ ...parseSearch(ListTasks, search), page: parsePage(search) });

export default async function BenchmarkPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; id: string }>;
  searchParams: Promise<SearchParams>;
}) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const benchmark = await loadBenchmark(ctx, id);
  const search = await searchParams;
  const base = `/${ctx.project.key}/benchmarks/${benchmark.id}`;
  const wanted = Number.parseInt([search.v].flat()[0] ?? "", 10);
  const version = benchmark.versions.find((v) => v.number === wanted) ?? benchmark.versions[0];
  const filters = parseTaskFilters(search);
  const canEdit = canEditBenchmark(ctx, benchmark);
  const canTake = can(ctx.role, "run.create") && benchmark.versions[0]?.runnable === true;
  const tasks = version
    ? await listTasks(
        ctx,
        benchmark.id,
        version.number,
        { q: filters.q, subset: filters.subset, type: filters.type, redacted: filters.redacted },
        { page: filters.page, per_page: PER_PAGE },
      )
    : null;
  const pageHref = (page: number) => {
    const q = new URLSearchParams({ v: String(version?.number ?? 1) });
    for (const k of ["q", "subset", "type", "redacted"] as const) if (filters[k]) q.set(k, String(filters[k]));
    if (page > 1) q.set("page", String(page));
    return `${base}?${q.toString()}`;
  };
  const download = (format: string) =>
    `/api/v1/benchmarks/${benchmark.id}/versions/${version?.number}/download?format=${format}&project=${encodeURIComponent(ctx.project.key)}`;
  const [board, difficulty, { tags }] = await Promise.all([
    benchmarkLeaderboard(ctx, benchmark.id),
    version ? taskDifficulty(ctx, benchmark.id, version.number) : null,
    getTags(ctx, "benchmark", benchmark.id),
  ]);
  const subsets = Object.keys((version?.stats as { subsets?: Record<string, number> } | null)?.subsets ?? {})
    .sort()
    .slice(0, 500);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks`}>
          ← Benchmarks
        </Link>
      </p>
      <PageHeader
        title={benchmark.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <TypeBadge type={benchmark.type} />
            <code className="font-mono text-xs">{benchmark.key}</code>
          </span>
        }
        actions={
          canEdit || canTake ? (
            <span className="flex flex-wrap gap-2">
              {canTake ? (
                <ButtonLink href={`${base}/take`} variant="secondary">
                  Test yourself
                </ButtonLink>
              ) : null}
              {canEdit && version ? (
                <ButtonLink href={`${base}/append?v=${version.number}`} variant="secondary">
                  Append rows
                </ButtonLink>
              ) : null}
              {canEdit ? (
                <ButtonLink href={`${base}/upload`} variant="secondary">
                  Upload new version
                </ButtonLink>
              ) : null}
            </span>
          ) : null
        }
      />
      <div className="space-y-6">
        <Section title="Details">
          <BenchmarkDetails benchmark={benchmark} />
        </Section>
        <Section title="Tags" description="This project's labels for the benchmark; a tag opens the benchmark list filtered by it.">
          <TagEditor
            projectKey={ctx.project.key}
            type="benchmark"
            id={benchmark.id}
            tags={tags}
            canEdit={can(ctx.role, "tag.write")}
            filterHref={`/${ctx.project.key}/benchmarks?tag=`}
          />
        </Section>
        <Section title="Versions" description="Versions never change; editing, appending or redacting makes a new one.">
          <VersionsTable versions={benchmark.versions} selected={version?.number ?? 0} href={(v) => `${base}?v=${v}`} />
        </Section>
        {difficulty ? (
          <BenchmarkReport
            board={board}
            difficulty={difficulty}
            projectKey={ctx.project.key}
            taskHref={(p) => `${base}/versions/${difficulty.version}/tasks/${p}`}
          />
        ) : null}
        {version && tasks ? (
          <Section
            title={`Tasks in version ${version.number}`}
            description={
              <span className="inline-flex flex-wrap items-center gap-3">
                <span>{version.task_count.toLocaleString("en-US")} tasks</span>
                <a className={buttonClass("secondary", "sm")} href={download("jsonl")}>
                  Download JSONL
                </a>
                <a className={buttonClass("secondary", "sm")} href={download("csv")}>
                  Download CSV
                </a>
                {version.runnable ? null : <Badge tone="amber">Not runnable</Badge>}
              </span>
            }
          >
            <TaskFiltersBar base={base} version={version.number} filters={filters} subsets={subsets} />
            {tasks.items.length === 0 ? (
              <EmptyState title="No tasks match">Try another search or clear the filters.</EmptyState>
            ) : (
              <>
                <TaskTable
                  projectKey={ctx.project.key}
                  benchmarkId={benchmark.id}
                  version={version.number}
                  canEdit={canEdit}
                  benchmarkHref={base}
                  rows={tasks.items.map((t) => ({
                    position: t.position,
                    type: t.type,
                    input: inputExcerpt(t.input),
                    truth: truthExcerpt(t.truth),
                    subset: t.subset ?? null,
                    redacted: t.redacted,
                  }))}
                />
                <Pagination page={tasks.page} perPage={tasks.per_page} count={tasks.count} href={pageHref} />
              </>
            )}
          </Section>
        ) : (
          <EmptyState title="No versions yet" action={canEdit ? <ButtonLink href={`${base}/upload`}>Upload a file</ButtonLink> : null}>
            This benchmark has no tasks yet.
          </EmptyState>
        )}
        <SchedulesFor ctx={ctx} filter={{ benchmark_id: benchmark.id }} />
      </div>
    </>
  );
}
