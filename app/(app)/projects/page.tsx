import type { Metadata } from "next";
import Link from "next/link";
import { CreateProjectForm } from "@/components/settings/create-project-form";
import { AccountShell } from "@/components/shell/account-shell";
import { signedInActor } from "@/components/shell/load-project";
import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CubeIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { focusRing } from "@/components/ui/styles";
import { listMyProjects } from "@/lib/services/projects/projects";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Projects" };

export default async function ProjectsPage() {
  const actor = await signedInActor();
  const projects = await listMyProjects(actor);
  return (
    <AccountShell username={actor.username} isAdmin={actor.isAdmin}>
      <PageHeader title="Projects" description="A project holds its models, benchmarks, runs and members." />
      <div className="space-y-8">
        {projects.length === 0 ? (
          <EmptyState icon={<CubeIcon width={40} height={40} />} title="You are not in any project yet">
            Create one below, or ask a project admin to invite you.
          </EmptyState>
        ) : (
          <section aria-labelledby="my-projects">
            <h2 id="my-projects" className="mb-3 text-lg font-semibold">
              Your projects
            </h2>
            <ul className="grid gap-3 sm:grid-cols-2">
              {projects.map((p) => (
                <li key={p.id}>
                  <Link
                    href={`/${p.key}`}
                    className={`block rounded-lg border border-gray-200 bg-white p-4 hover:border-brand-500 dark:border-gray-800 dark:bg-gray-900 ${focusRing}`}
                  >
                    <span className="flex items-center justify-between gap-2">
                      <span className="font-semibold">{p.name}</span>
                      <Badge>{p.role}</Badge>
                    </span>
                    <span className="mt-0.5 block font-mono text-xs text-gray-700 dark:text-gray-300">{p.key}</span>
                    {p.description ? (
                      <span className="mt-2 line-clamp-2 block text-sm text-gray-700 dark:text-gray-300">{p.description}</span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}
        <Section title="Create a project" description="You become its owner.">
          <CreateProjectForm />
        </Section>
      </div>
    </AccountShell>
  );
}
