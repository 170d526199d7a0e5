import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveAbTest } from "@/components/ab-tests/live-test";
import { loadProject } from "@/components/shell/load-project";
import { buttonClass } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { atLeast } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { getAbTest } from "@/lib/services/ab-tests/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "A/B test" };

export default async function AbTestPage({ params }: { params: Promise<{ project: string; key: string }> }) {
  const { project, key } = await params;
  const ctx = await loadProject(project);
  const test = await getAbTest(ctx, decodeURIComponent(key)).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <PageHeader
        title={`A/B test ${test.key}`}
        description={`Arms: ${test.arms.map((a) => `${a.arm} ${a.model}`).join(", ")}`}
        actions={
          <a
            className={buttonClass("secondary")}
            href={`/api/v1/ab-tests/${encodeURIComponent(test.key)}/export?format=csv&project=${encodeURIComponent(ctx.project.key)}`}
          >
            Export CSV
          </a>
        }
      />
      <LiveAbTest projectKey={ctx.project.key} initial={JSON.parse(JSON.stringify(test))} canManage={atLeast(ctx.role, "admin")} />
    </>
  );
}
