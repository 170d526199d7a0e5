import type { Metadata } from "next";
import Link from "next/link";
import { GenerateForm } from "@/components/generation/generate-form";
import { loadProject } from "@/components/shell/load-project";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { generatorModels, listGenerations } from "@/lib/services/generation/generations";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Generate a benchmark" };

export default async function GeneratePage({ params }: { params: Promise<{ project: string }> }) {
  const { project } = await params;
  const ctx = await loadProject(project, "benchmark.write");
  const [models, recent] = await Promise.all([generatorModels(ctx), listGenerations(ctx)]);
  return (
    <>
      <p className="mb-2 text-sm">
        <Link className={linkClass} href={`/${ctx.project.key}/benchmarks`}>
          ← Benchmarks
        </Link>
      </p>
      <PageHeader
        title="Generate a benchmark from a document"
        description="A generator model writes tasks grounded in quoted passages of your document; you review them before they are imported as a normal benchmark version."
      />
      <div className="space-y-6">
        <Card>
          <GenerateForm projectKey={ctx.project.key} models={models} />
        </Card>
        {recent.length ? (
          <Card>
            <h2 className="mb-2 font-semibold">Recent generations</h2>
            <ul className="space-y-1 text-sm">
              {recent.slice(0, 20).map((g) => (
                <li key={g.id}>
                  <Link className={linkClass} href={`/${ctx.project.key}/benchmarks/generate/${g.id}`}>
                    {g.document_name}
                  </Link>{" "}
                  · {g.status} · {g.tasks.length} task(s) by {g.model.name}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
