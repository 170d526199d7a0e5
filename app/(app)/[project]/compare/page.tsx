import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ComparedRuns } from "@/components/compare/compared-runs";
import { ComparisonSummary } from "@/components/compare/comparison-summary";
import { letter } from "@/components/compare/format";
import { type CompareState, compareHref, exportHref } from "@/components/compare/links";
import { RunPicker } from "@/components/compare/run-picker";
import { TaskList } from "@/components/compare/task-list";
import { loadProject } from "@/components/shell/load-project";
import { buttonClass } from "@/components/ui/button";
import { Card, Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { AppError } from "@/lib/errors";
import { compareRuns } from "@/lib/services/reports/compare";
import { CompareQuery } from "@/lib/services/reports/compare-query";
import { listRuns } from "@/lib/services/runs/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare runs" };

const PER_PAGE = 50;
type Search = Record<string, string | string[] | undefined>;

/** Run ids in order, once each: the picker sends the baseline first and may repeat it among the ticked runs. */
const runIdsOf = (v: Search[string]) => [
  ...new Set(
    (Array.isArray(v) ? v : [v ?? ""])
      .flatMap((s) => s.split(","))
      .map((s) => s.trim())
      .filter(Boolean),
  ),
];

async function Picker({ ctx, baseline, error }: { ctx: Awaited<ReturnType<typeof loadProject>>; baseline?: string; error?: string }) {
  const recent = await listRuns(ctx, { status: "completed" }, { page: 1, per_page: 100 });
  return (
    <>
      <PageHeader
        title="Compare runs"
        description="Pick a baseline and one or more runs of the same benchmark version: per-task agreement, paired differences with 95% intervals and a significance test."
      />
      {recent.items.length < 2 ? (
        <EmptyState title="Two completed runs are needed">
          Run an evaluation twice (two models, or one model over time) on the same benchmark version, then compare them here.
        </EmptyState>
      ) : (
        <Card>
          <RunPicker projectKey={ctx.project.key} runs={recent.items} baseline={baseline} error={error} />
        </Card>
      )}
    </>
  );
}

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string }>;
  searchParams: Promise<Search>;
}) {
  const ctx = await loadProject((await params).project);
  const search = await searchParams;
  const runs = runIdsOf(search.runs);
  if (runs.length < 2) return <Picker ctx={ctx} baseline={runs[0]} />;
  const parsed = CompareQuery.safeParse({ ...search, runs, per_page: PER_PAGE });
  if (!parsed.success) return <Picker ctx={ctx} baseline={runs[0]} error={parsed.error.issues.map((i) => i.message).join("; ")} />;
  let comparison: Awaited<ReturnType<typeof compareRuns>>;
  try {
    comparison = await compareRuns(ctx, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "bad_request") return <Picker ctx={ctx} baseline={runs[0]} error={error.message} />;
    throw error;
  }

  const key = ctx.project.key;
  const q = parsed.data;
  const state: CompareState = { runs, vs: q.vs, filter: q.filter, subset: q.subset, page: q.page };
  const [baseline] = comparison.runs;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${key}/runs`}>
          ← Runs
        </Link>
      </p>
      <PageHeader
        title="Compare runs"
        description={`${baseline?.benchmark.name} v${baseline?.benchmark.version} · ${runs.length} runs · this page's address is a permalink to this view`}
        actions={
          <>
            <a className={buttonClass("secondary")} href={exportHref(key, state, "csv")} download>
              Export CSV
            </a>
            <a className={buttonClass("secondary")} href={exportHref(key, state, "json")} download>
              Export JSON
            </a>
            <Link className={buttonClass("secondary")} href={compareHref(key, { runs: runs.slice(0, 1) })}>
              Change runs
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        <ComparedRuns runs={comparison.runs} projectKey={key} />
        {comparison.comparisons.length > 1 ? (
          <p className="text-sm text-gray-700 dark:text-gray-300">
            Each run is tested against A on its own, at the 5% level: across {comparison.comparisons.length} comparisons, one may look
            significant by chance.
          </p>
        ) : null}
        {comparison.comparisons.map((c) => {
          const i = comparison.runs.findIndex((r) => r.id === c.run_id);
          return (
            <ComparisonSummary
              key={c.run_id}
              pairing={c}
              a={baseline?.label ?? "A"}
              b={comparison.runs[i]?.label ?? ""}
              bLetter={letter(i)}
              tasksHref={(filter) => `${compareHref(key, { runs, vs: c.run_id, filter })}#tasks`}
            />
          );
        })}
        <div id="tasks">
          <Section title="Tasks" description="Open a task to see both answers side by side.">
            <TaskList projectKey={key} comparison={comparison} state={state} />
          </Section>
        </div>
      </div>
    </>
  );
}
