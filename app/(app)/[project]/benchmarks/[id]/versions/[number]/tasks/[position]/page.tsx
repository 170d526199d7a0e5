import type { Metadata } from "next";
import Link from "next/link";
import { canEditBenchmark, loadBenchmark, loadTask } from "@/components/benchmarks/load-benchmark";
import { PromptView } from "@/components/benchmarks/prompt-view";
import { TaskActions } from "@/components/benchmarks/task-actions";
import { TaskDetails } from "@/components/benchmarks/task-details";
import { loadProject } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Task" };

type Params = { project: string; id: string; number: string; position: string };

export default async function TaskPage({ params }: { params: Promise<Params> }) {
  const p = await params;
  const ctx = await loadProject(p.project);
  const benchmark = await loadBenchmark(ctx, p.id);
  const number = Number(p.number);
  const position = Number(p.position);
  const task = await loadTask(ctx, benchmark.id, number, position);
  const base = `/${ctx.project.key}/benchmarks/${benchmark.id}`;
  const { position: _p, task_key: _k, model_sees: _m, ...editable } = task;
  const taskHref = (n: number) => `${base}/versions/${number}/tasks/${n}`;
  const count = benchmark.versions.find((v) => v.number === number)?.task_count ?? position;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`${base}?v=${number}`}>
          ← {benchmark.name}, version {number}
        </Link>
      </p>
      <PageHeader
        title={`Task ${position} of version ${number}`}
        description={`${benchmark.name} · ${task.type}${task.subset ? ` · ${task.subset}` : ""}${task.redacted ? " · redacted" : ""}`}
        actions={
          <nav aria-label="Tasks" className="flex gap-3 text-sm">
            {position > 1 ? (
              <Link className={linkClass} href={taskHref(position - 1)} rel="prev">
                Previous task
              </Link>
            ) : null}
            {position < count ? (
              <Link className={linkClass} href={taskHref(position + 1)} rel="next">
                Next task
              </Link>
            ) : null}
          </nav>
        }
      />
      <div className="space-y-6">
        <Section
          title="What the model receives"
          description="The exact messages sent for this task (run seed 0; other seeds shuffle the choices differently)."
        >
          <PromptView messages={task.model_sees.messages} />
        </Section>
        <Section title="Answer and details">
          <TaskDetails task={task} />
        </Section>
        {canEditBenchmark(ctx, benchmark) ? (
          <Section title="Change this task" description="Each change makes a new version of the benchmark.">
            <TaskActions
              projectKey={ctx.project.key}
              benchmarkId={benchmark.id}
              version={number}
              position={position}
              redacted={task.redacted}
              task={editable}
            />
          </Section>
        ) : null}
      </div>
    </>
  );
}
