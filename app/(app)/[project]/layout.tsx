import type { ReactNode } from "react";
import { NotificationBell } from "@/components/automation/notification-bell";
import { loadProject } from "@/components/shell/load-project";
import { ProjectFrame } from "@/components/shell/project-frame";
import { ProjectNav } from "@/components/shell/project-nav";
import { ProjectSwitcher } from "@/components/shell/project-switcher";
import { ThemeToggle } from "@/components/shell/theme-toggle";
import { UserMenu } from "@/components/shell/user-menu";
import { listMyProjects } from "@/lib/services/projects/projects";

export const dynamic = "force-dynamic";

export default async function ProjectLayout({ children, params }: { children: ReactNode; params: Promise<{ project: string }> }) {
  const { project: key } = await params;
  const ctx = await loadProject(key);
  const projects = await listMyProjects(ctx.actor);
  return (
    <ProjectFrame
      title={ctx.project.name}
      sidebar={
        <div className="space-y-6">
          <p className="px-1 text-lg font-bold tracking-tight text-brand-600 dark:text-brand-100">Yardstick</p>
          <ProjectSwitcher
            current={{ key: ctx.project.key, name: ctx.project.name }}
            projects={projects.map((p) => ({ key: p.key, name: p.name }))}
          />
          <ProjectNav projectKey={ctx.project.key} />
        </div>
      }
      headerEnd={
        <>
          <NotificationBell />
          <ThemeToggle />
          <UserMenu username={ctx.actor.username} isAdmin={ctx.actor.isAdmin} />
        </>
      }
    >
      {children}
    </ProjectFrame>
  );
}
