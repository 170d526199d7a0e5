import type { Metadata } from "next";
import Link from "next/link";
import { Playground } from "@/components/playground/playground";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Expressions playground" };

export default async function PlaygroundPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/runs`}>
          ← Runs
        </Link>
      </p>
      <PageHeader
        title="Expressions playground"
        description="Try a prompt template (Liquid) or a parsing or grading expression (JSONata) against a sample task, with the same limits a run uses."
      />
      <Card>
        <Playground projectKey={ctx.project.key} />
      </Card>
    </>
  );
}
