import type { Metadata } from "next";
import Link from "next/link";
import { DeleteAutomation } from "@/components/automation/delete-automation";
import { LocalTime } from "@/components/automation/local-time";
import { ScheduleControls } from "@/components/automation/schedule-controls";
import { ScheduleForm } from "@/components/automation/schedule-form";
import { ScheduleTable } from "@/components/automation/schedule-table";
import { loadProject } from "@/components/shell/load-project";
import { orNotFound } from "@/components/shell/or-not-found";
import { TagEditor } from "@/components/tags/tag-editor";
import { Section } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { linkClass } from "@/components/ui/styles";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { listBenchmarks } from "@/lib/services/benchmarks/read";
import { listModels } from "@/lib/services/models/read";
import { scorerParamDocs } from "@/lib/scoring/param-docs";
import { getSchedule } from "@/lib/services/schedules/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedule" };

export default async function SchedulePage({ params }: { params: Promise<{ project: string; id: string }> }) {
  const { project, id } = await params;
  const ctx = await loadProject(project);
  const schedule = await orNotFound(() => getSchedule(ctx, id));
  const [models, benchmarks] = await Promise.all([
    listModels(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
    listBenchmarks(ctx, { in_project: "true" }, { page: 1, per_page: 200 }),
  ]);
  const names = new Map([...models.items, ...benchmarks.items].map((x) => [x.id, x.name]));
  const canEdit = can(ctx.role, "automation.manage");
  return (
    <div className="space-y-6">
      <PageHeader
        title={schedule.name}
        description={schedule.cadence_text}
        actions={
          canEdit ? (
            <>
              <ScheduleControls projectKey={ctx.project.key} id={schedule.id} name={schedule.name} paused={schedule.paused} />
              <DeleteAutomation projectKey={ctx.project.key} kind="schedule" id={schedule.id} name={schedule.name} />
            </>
          ) : null
        }
      />
      <ScheduleTable projectKey={ctx.project.key} schedules={[schedule]} canEdit={false} />
      <Section title="Tags" description="Labels for this schedule; a tag opens the schedules filtered by it.">
        <TagEditor
          projectKey={ctx.project.key}
          type="schedule"
          id={schedule.id}
          tags={schedule.tags}
          canEdit={can(ctx.role, "tag.write")}
          filterHref={`/${ctx.project.key}/schedules?tag=`}
        />
      </Section>
      <Section title="Occurrences" description="The latest 20: runs started, and pairs skipped with the reason.">
        {schedule.occurrences.length ? (
          <Table caption="Occurrences">
            <thead>
              <tr>
                <Th>Due</Th>
                <Th>Pairs</Th>
              </tr>
            </thead>
            <tbody>
              {schedule.occurrences.map((o) => (
                <Tr key={o.id}>
                  <Td>
                    <LocalTime iso={o.due_at} />
                    {o.manual ? " (run now)" : ""}
                  </Td>
                  <Td>
                    <ul>
                      {o.pairs.map((p) => (
                        <li key={`${p.model_id}:${p.benchmark_id}`}>
                          {names.get(p.model_id) ?? p.model_id} · {names.get(p.benchmark_id) ?? p.benchmark_id}:{" "}
                          {p.run_id ? (
                            <Link className={linkClass} href={`/${ctx.project.key}/runs/${p.run_id}`}>
                              run started
                            </Link>
                          ) : (
                            <span>skipped — {p.skipped}</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  </Td>
                </Tr>
              ))}
            </tbody>
          </Table>
        ) : (
          <p className="text-sm text-gray-700 dark:text-gray-300">No occurrence yet.</p>
        )}
      </Section>
      {canEdit ? (
        <Section title="Edit">
          <ScheduleForm
            projectKey={ctx.project.key}
            models={models.items.map((m) => ({ id: m.id, name: m.name }))}
            benchmarks={benchmarks.items.map((b) => ({ id: b.id, name: b.name }))}
            paramDocs={scorerParamDocs()}
            initial={schedule}
          />
        </Section>
      ) : null}
    </div>
  );
}
