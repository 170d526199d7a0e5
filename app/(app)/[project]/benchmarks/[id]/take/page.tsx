import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { loadBenchmark } from "@/components/benchmarks/load-benchmark";
import { StartSessionForm } from "@/components/human/start-session-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { listOpenHumanSessions } from "@/lib/services/human/session";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test yourself" };

export default async function TakeBenchmarkPage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project, "run.create");
  const benchmark = await loadBenchmark(ctx, id);
  const version = benchmark.versions[0];
  if (!version?.runnable) notFound();
  const open = (await listOpenHumanSessions(ctx)).filter((s) => s.benchmark_id === benchmark.id);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/${benchmark.id}`}>
          ← {benchmark.name}
        </Link>
      </p>
      <PageHeader
        title={`Test yourself: ${benchmark.name}`}
        description="Answer the tasks one at a time, exactly as a model sees them. Your answers are scored by the same scorers and appear as a human baseline in the run list, comparisons and the leaderboard."
      />
      <div className="space-y-6">
        {open.length ? (
          <Card>
            <h2 className="mb-2 font-semibold">Unfinished sessions</h2>
            <ul className="space-y-1 text-sm">
              {open.map((s) => (
                <li key={s.id}>
                  <Link className={linkClass} href={`/${ctx.project.key}/human/${s.id}`}>
                    Resume: {s.answered} of {s.total} answered
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <Card>
          <StartSessionForm projectKey={ctx.project.key} benchmarkId={benchmark.id} taskCount={version.task_count} />
        </Card>
      </div>
    </>
  );
}
