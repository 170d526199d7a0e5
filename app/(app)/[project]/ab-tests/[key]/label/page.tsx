import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Labelling } from "@/components/ab-tests/labelling";
import { loadProject } from "@/components/shell/load-project";
import { PageHeader } from "@/components/ui/page-header";
import { atLeast } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { findAbTest } from "@/lib/services/ab-tests/find";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Label side by side" };

export default async function LabelPage({ params }: { params: Promise<{ project: string; key: string }> }) {
  const { project, key } = await params;
  const ctx = await loadProject(project, "feedback.write");
  if (!atLeast(ctx.role, "member")) notFound();
  const t = await findAbTest(ctx, decodeURIComponent(key)).catch((error) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (t.test.feedbackType !== "preference") notFound();
  return (
    <>
      <PageHeader
        title={`Label side by side: ${t.test.key}`}
        description="Two arms answer the same prompt from the use case's traffic, in random order and without model names. Pick the better answer; each choice is recorded as preference feedback."
      />
      <Labelling projectKey={ctx.project.key} testKey={t.test.key} />
    </>
  );
}
