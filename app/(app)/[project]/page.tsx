import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ClipboardIcon, CubeIcon, PlayIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { focusRing } from "@/components/ui/styles";
import { RunTable } from "@/components/runs/run-table";
import { loadProject } from "@/components/shell/load-project";
import { can } from "@/lib/auth/permissions";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { listRuns } from "@/lib/services/runs/read";
import { getProject } from "@/lib/services/projects/projects";

export const dynamic = "force-dynamic";

export default async function OverviewPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const one = { page: 1, per_page: 1 };
  const [project, inProject, benchmarks, recent, running] = await Promise.all([
    getProject(ctx),
    listModels(ctx, { in_project: "true" }, one),
    listBenchmarks(ctx, { in_project: "true" }, one),
    listRuns(ctx, {}, { page: 1, per_page: 5 }),
    listRuns(ctx, { status: "in_progress" }, one),
  ]);
  const base = `/${project.key}`;
  const canRun = can(ctx.role, "run.create");
  const stats = [
    { label: "Models in this project", value: inProject.count, href: `${base}/models?in_project=true` },
    { label: "Benchmarks", value: benchmarks.count, href: `${base}/benchmarks` },
    { label: "Runs", value: recent.count, href: `${base}/runs` },
    { label: "Running now", value: running.count, href: `${base}/runs?status=in_progress` },
  ];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

  return (
    <>
      <PageHeader title={project.name} description={project.description || `Project key: ${project.key}`} />
      <section aria-labelledby="stats-heading" className="mb-8">
        <h2 id="stats-heading" className="sr-only">
          At a glance
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {stats.map((s) => (
            <li key={s.label}>
              <Link href={s.href} className={`block rounded-lg ${focusRing}`}>
                <Card className="hover:border-brand-500">
                  <p className="text-sm text-gray-700 dark:text-gray-300">{s.label}</p>
                  <p className="mt-1 text-2xl font-bold capitalize">{s.value}</p>
                </Card>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="next-heading" className="space-y-4">
        <h2 id="next-heading" className="text-lg font-semibold">
          {recent.count === 0 ? "Get started" : "Your project"}
        </h2>
        <div className="grid gap-4 lg:grid-cols-3">
          {inProject.count === 0 ? (
            <EmptyState
              icon={<CubeIcon />}
              title="No models in this project yet"
              action={<ButtonLink href={`${base}/models`}>Browse models</ButtonLink>}
            >
              Pick models from the catalog{can(ctx.role, "model.manage") ? " or add your own OpenAI-compatible endpoint" : ""}.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<CubeIcon />}
              title={`${inProject.count} model${inProject.count === 1 ? "" : "s"} ready`}
              action={
                <ButtonLink href={`${base}/models?in_project=true`} variant="secondary">
                  View models
                </ButtonLink>
              }
            >
              Test their connections before you run an evaluation.
            </EmptyState>
          )}
          <EmptyState
            icon={<ClipboardIcon />}
            title={benchmarks.count === 0 ? "No benchmarks yet" : `${plural(benchmarks.count, "benchmark")} in this project`}
            action={
              <ButtonLink href={`${base}/benchmarks`} variant="secondary">
                {benchmarks.count === 0 ? "About benchmarks" : "View benchmarks"}
              </ButtonLink>
            }
          >
            Benchmarks are the task sets your models are scored on.
          </EmptyState>
          <EmptyState
            icon={<PlayIcon />}
            title={recent.count === 0 ? "No runs yet" : `${plural(recent.count, "run")}, ${running.count} running`}
            action={
              <ButtonLink href={canRun && recent.count === 0 ? `${base}/runs/new` : `${base}/runs`} variant="secondary">
                {recent.count === 0 ? (canRun ? "Run an evaluation" : "About runs") : "View runs"}
              </ButtonLink>
            }
          >
            A run evaluates models on a benchmark and records every answer and score.
          </EmptyState>
        </div>
      </section>
      {recent.items.length > 0 ? (
        <section aria-labelledby="recent-heading" className="mt-8 space-y-4">
          <h2 id="recent-heading" className="text-lg font-semibold">
            Recent runs
          </h2>
          <RunTable runs={recent.items} projectKey={project.key} />
        </section>
      ) : null}
    </>
  );
}
