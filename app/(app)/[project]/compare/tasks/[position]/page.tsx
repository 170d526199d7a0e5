import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { compareHref } from "@/components/compare/links";
import { SideBySide } from "@/components/compare/side-by-side";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { AppError } from "@/lib/errors";
import { CompareRunsOnly, CompareTaskParams } from "@/lib/services/reports/compare-query";
import { compareTask } from "@/lib/services/reports/compare-task";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare a task" };

export default async function CompareTaskPage({
  params,
  searchParams,
}: {
  params: Promise<{ project: string; position: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { project, position } = await params;
  const ctx = await loadProject(project);
  const input = CompareRunsOnly.safeParse(await searchParams);
  const task = CompareTaskParams.safeParse({ position });
  if (!input.success || !task.success) notFound();
  let data: Awaited<ReturnType<typeof compareTask>>;
  try {
    data = await compareTask(ctx, input.data.runs, task.data.position);
  } catch (error) {
    // A run of another project, another version or a missing task: nothing to show at this address.
    if (error instanceof AppError && (error.code === "not_found" || error.code === "bad_request")) notFound();
    throw error;
  }
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={compareHref(ctx.project.key, { runs: input.data.runs })}>
          ← Comparison
        </Link>
      </p>
      <PageHeader title={`Task ${data.position} side by side`} description={data.runs.map(({ run }) => run.label).join(" vs ")} />
      <SideBySide data={data} />
    </>
  );
}
