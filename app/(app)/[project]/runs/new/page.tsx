import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewRunForm } from "@/components/runs/new/new-run-form";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { atLeast } from "@/lib/auth/roles";
import { SCORER_NAMES } from "@/lib/scoring/registry";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { listRuns } from "@/lib/services/runs/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Run evaluation" };

const ALL = { page: 1, per_page: 200 };

export default async function NewRunPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  if (!atLeast(ctx.role, "member")) notFound();
  const [models, benchmarks, scheduled, running] = await Promise.all([
    listModels(ctx, { in_project: "true" }, ALL),
    listBenchmarks(ctx, { in_project: "true" }, ALL),
    listRuns(ctx, { status: "scheduled" }, ALL),
    listRuns(ctx, { status: "in_progress" }, ALL),
  ]);
  const runnable = models.items
    .filter((m) => m.endpoint_type !== "none")
    .map((m) => ({
      id: m.id,
      name: m.name,
      simulated: m.endpoint_type === "simulated",
      latency_s: m.endpoint_type === "simulated" && m.simulation ? m.simulation.latencyMs.mean / 1000 : null,
      price_in: m.price_input_per_m,
      price_out: m.price_output_per_m,
    }));
  const versioned = benchmarks.items.flatMap((b) => (b.latest_version ? [{ id: b.id, name: b.name, version: b.latest_version.number, task_count: b.latest_version.task_count }] : []));
  const active = [...running.items, ...scheduled.items].map((r) => ({
    id: r.id,
    model_id: r.model.id,
    benchmark_id: r.benchmark.id,
    status: r.status,
    label: `${r.model.name} on ${r.benchmark.name} v${r.benchmark.version}`,
  }));

  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/runs`}>
          ← Runs
        </Link>
      </p>
      <PageHeader title="Run evaluation" description="Choose models and benchmarks, adjust the configuration and check the estimate before starting." />
      <NewRunForm projectKey={ctx.project.key} models={runnable} benchmarks={versioned} active={active} scorerNames={[...SCORER_NAMES]} />
    </>
  );
}
