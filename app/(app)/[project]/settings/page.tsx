import type { Metadata } from "next";
import { DeleteProject, LeaveProject } from "@/components/settings/leave-or-delete";
import { ProjectForm } from "@/components/settings/project-form";
import { loadProject } from "@/components/shell/load-project";
import { Section } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { getProject } from "@/lib/services/projects/projects";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const project = await getProject(ctx);
  return (
    <>
      <Section title="General" description={`Key: ${project.key} (cannot be changed)`}>
        {can(ctx.role, "project.update") ? (
          <ProjectForm projectKey={project.key} name={project.name} description={project.description} />
        ) : (
          <dl className="space-y-2 text-sm">
            <div>
              <dt className="font-medium text-gray-700 dark:text-gray-300">Name</dt>
              <dd>{project.name}</dd>
            </div>
            <div>
              <dt className="font-medium text-gray-700 dark:text-gray-300">Description</dt>
              <dd>{project.description || "—"}</dd>
            </div>
          </dl>
        )}
      </Section>
      <Section title="Leave project" description="Remove yourself from this project. The last owner cannot leave.">
        <LeaveProject projectKey={project.key} />
      </Section>
      {can(ctx.role, "project.delete") ? (
        <Section
          title="Delete project"
          description="Deletes the project with its custom models, members, tokens and audit log. This cannot be undone."
        >
          <DeleteProject projectKey={project.key} />
        </Section>
      ) : null}
    </>
  );
}
