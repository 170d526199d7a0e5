import type { Metadata } from "next";
import { ScheduleTable } from "@/components/automation/schedule-table";
import { loadProject } from "@/components/shell/load-project";
import { ButtonLink } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { listSchedules } from "@/lib/services/schedules/read";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Schedules" };

export default async function SchedulesPage({ params }: { params: Promise<{ project: string }> }) {
  const ctx = await loadProject((await params).project);
  const schedules = await listSchedules(ctx);
  const canEdit = can(ctx.role, "automation.manage");
  const create = canEdit ? <ButtonLink href={`/${ctx.project.key}/schedules/new`}>New schedule</ButtonLink> : null;
  return (
    <>
      <PageHeader
        title="Schedules"
        description="Run models on benchmarks on a cadence. A pair whose previous run is still going is skipped, and the skip is recorded."
        actions={create}
      />
      {schedules.length ? (
        <ScheduleTable projectKey={ctx.project.key} schedules={schedules} canEdit={canEdit} />
      ) : (
        <EmptyState icon={<ClockIcon width={40} height={40} />} title="No schedules yet" action={create}>
          {canEdit ? "Evaluate every night or every Monday, and see when a score drops." : "A member of the project can create one."}
        </EmptyState>
      )}
    </>
  );
}
